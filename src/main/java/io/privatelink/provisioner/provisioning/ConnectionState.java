package io.privatelink.provisioner.provisioning;

import java.util.List;
import java.util.Map;

import io.privatelink.provisioner.cloud.Observation;

/**
 * What an Active endpoint's connection means for traffic, from this observation and the one recorded before it. Pure.
 * The consumer's API cannot always tell a refusal from "not yet": a connection never decided on and one the owner
 * disabled are both Disconnected. A refusal shows as Disconnecting, as Disconnected zones (an undecided connection's
 * zones Wait), or as Disconnected after it was seen accepted; anything else Disconnected is still waiting.
 */
public enum ConnectionState {
    /** Connected, with no zone still waiting or connecting: traffic can flow. */
    Connected,
    /** Accepted and on its way (Connecting, being modified, or zones catching up). */
    Connecting,
    /** Waiting for the owner's decision. */
    AwaitingDecision,
    /** Refused or disabled by the service's owner. */
    Rejected,
    /** The service was deleted under the endpoint. */
    ServiceDeleted;

    private static final List<String> ACCEPTED = List.of("Connecting", "Connected", "Disconnecting");
    private static final List<String> ZONE_ON_ITS_WAY = List.of("Creating", "Wait", "Connecting");
    private static final List<String> ZONE_REFUSED = List.of("Disconnecting", "Disconnected");

    /** {@code known}: the endpoint as recorded before this observation (its ConnectionStatus then). */
    public static ConnectionState of(Map<String, Object> known, Observation seen) {
        String status = seen.connectionStatus();
        List<Observation.ZoneState> zones = seen.zones() == null ? List.of() : seen.zones();
        if (status == null) {
            // A cloud that tells no connection is taken at its endpoint's word.
            return Connected;
        }
        return switch (status) {
            case "Connected" -> zones.stream().anyMatch(z -> ZONE_ON_ITS_WAY.contains(z.status())) ? Connecting
                    : Connected;
            case "Disconnecting" -> Rejected;
            case "ServiceDeleted" -> ServiceDeleted;
            case "Disconnected" -> wasAccepted(known) || zones.stream().anyMatch(z -> ZONE_REFUSED.contains(z.status()))
                    ? Rejected : AwaitingDecision;
            default -> Connecting;
        };
    }

    private static boolean wasAccepted(Map<String, Object> known) {
        Object before = known == null ? null : known.get("ConnectionStatus");
        return before != null && ACCEPTED.contains(before.toString());
    }
}
