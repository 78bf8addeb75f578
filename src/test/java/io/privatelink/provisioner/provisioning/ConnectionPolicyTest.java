package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.AcceptancePolicy;
import io.privatelink.provisioner.cloud.ServiceObservation.Connection;
import io.privatelink.provisioner.provisioning.ConnectionPolicy.Known;
import io.privatelink.provisioner.provisioning.ConnectionPolicy.Outcome;

/** Every branch of what the watch does with a service's connections under its acceptance policy. */
class ConnectionPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final AcceptancePolicy POLICY = new AcceptancePolicy(true, List.of("3000"), 60);

    static Connection from(String endpointId, String owner, String status) {
        return new Connection(endpointId, owner, status);
    }

    @Test
    void aNewRequestFromAnAllowedOrNamedAccountIsAcceptedAndAnyOtherIsHeld() {
        Outcome o = ConnectionPolicy.decide(POLICY, List.of("2000"), false, Map.of(), List.of(
                from("ep-allowed", "2000", "Disconnected"), from("ep-named", "3000", "Disconnected"),
                from("ep-other", "4000", "Disconnected"), from("ep-connected", "4000", "Connected")), NOW);
        assertEquals(List.of("ep-allowed", "ep-named"), o.accept().stream().map(Connection::endpointId).toList());
        assertEquals(List.of("ep-other"), o.hold().stream().map(Connection::endpointId).toList());
        assertEquals(List.of(), o.reject());
        assertEquals(new Known("Disconnected", NOW, ConnectionPolicy.HELD), o.known().get("ep-other"));
        assertEquals(new Known("Connected", null, null), o.known().get("ep-connected"), "no request: already connected");
    }

    @Test
    void withoutAPolicyEveryRequestIsHeldAndOnAnAutoAcceptingServiceNoneIs() {
        Outcome none = ConnectionPolicy.decide(null, List.of("2000"), false, Map.of(), List.of(
                from("ep-1", "2000", "Disconnected")), NOW);
        assertEquals(1, none.hold().size());
        assertEquals(List.of(), none.accept());
        Outcome auto = ConnectionPolicy.decide(POLICY, List.of(), true, Map.of(), List.of(
                from("ep-1", "4000", "Disconnected")), NOW);
        assertEquals(List.of(), auto.hold());
    }

    @Test
    void aHeldRequestIsToldOnceAndRejectedOncePastRejectAfter() {
        Map<String, Known> held = Map.of("ep-1", new Known("Disconnected", NOW, ConnectionPolicy.HELD));
        List<Connection> waiting = List.of(from("ep-1", "4000", "Disconnected"));
        Outcome soon = ConnectionPolicy.decide(POLICY, List.of(), false, held, waiting, NOW.plusSeconds(59));
        assertEquals(List.of(), soon.hold(), "told once");
        assertEquals(List.of(), soon.reject());
        Outcome late = ConnectionPolicy.decide(POLICY, List.of(), false, held, waiting, NOW.plusSeconds(60));
        assertEquals(waiting, late.reject());
        assertEquals(ConnectionPolicy.REJECTED, late.known().get("ep-1").decision());
        Outcome after = ConnectionPolicy.decide(POLICY, List.of(), false, late.known(), waiting, NOW.plusSeconds(120));
        assertEquals(waiting, after.reject(), "still waiting: asked for again (its ClientToken: the same one job)");
        assertEquals(late.known(), after.known());
        Outcome accepted = ConnectionPolicy.decide(POLICY, List.of("4000"), false, Map.of("ep-1",
                new Known("Disconnected", NOW, ConnectionPolicy.ACCEPTED)), waiting, NOW);
        assertEquals(waiting, accepted.accept(), "an acceptance whose job the look could not make is asked again");
        Outcome connected = ConnectionPolicy.decide(POLICY, List.of("4000"), false, accepted.known(),
                List.of(from("ep-1", "4000", "Connected")), NOW);
        assertEquals(List.of(), connected.accept(), "connected: nothing more to ask");
        Outcome noRejection = ConnectionPolicy.decide(new AcceptancePolicy(null, null, null), List.of(), false, held,
                waiting, NOW.plusSeconds(86400));
        assertEquals(List.of(), noRejection.reject(), "held for good without RejectAfter");
    }

    @Test
    void aHeldRequestAPersonDecidedIsNoLongerHeldAndAConnectionGoneIsForgotten() {
        Map<String, Known> held = Map.of("ep-1", new Known("Disconnected", NOW, ConnectionPolicy.HELD),
                "ep-gone", new Known("Connected", null, null));
        Outcome o = ConnectionPolicy.decide(POLICY, List.of(), false, held, List.of(from("ep-1", "4000", "Connected")),
                NOW.plusSeconds(3600));
        assertEquals(Map.of("ep-1", new Known("Connected", NOW, null)), o.known());
        assertEquals(List.of(), o.reject());
        Outcome dropped = ConnectionPolicy.decide(POLICY, List.of(), false, Map.of("ep-1",
                new Known("Connected", null, null)), List.of(from("ep-1", "4000", "Disconnected")), NOW);
        assertEquals(List.of(), dropped.hold(), "a connection that drops later is no request");
    }
}
