package io.privatelink.provisioner.provisioning;

import static io.privatelink.provisioner.provisioning.OperationDecisionsTest.NOW;
import static io.privatelink.provisioner.provisioning.OperationDecisionsTest.cloud;
import static io.privatelink.provisioner.provisioning.OperationDecisionsTest.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * Every branch of a service owner's decision on a connection: the call made once, a connection on its way waited for,
 * the job's end where the decision sends it, and what fails it.
 */
class ConnectionDecisionStepsTest {

    final OperationDecisions decisions = new OperationDecisions(RetryScheduleTest.DEFAULTS,
            new RetrySchedule(RetryScheduleTest.DEFAULTS));
    static final EndpointChange ACCEPT = new EndpointChange.EnableConnection("epsrv-1", 2048);
    static final EndpointChange REJECT = new EndpointChange.DisableConnection("epsrv-1");

    static Observation connection(String status) {
        return new Observation(true, status, Map.of("ServiceId", "epsrv-1", "EndpointId", "ep-1",
                "ConnectionStatus", status));
    }

    static VpcEndpointJob accepting() {
        return job(Operation.Accept, JobStatus.Accepting);
    }

    static VpcEndpointJob rejecting() {
        return job(Operation.Reject, JobStatus.Rejecting);
    }

    @Test
    void anAcceptanceCallsOnceWaitsWhileConnectingAndEndsConnected() {
        OperationStep.Call call = assertInstanceOf(OperationStep.Call.class,
                decisions.afterConnectionObserved(accepting(), List.of(), ACCEPT, connection("Disconnected"), NOW));
        assertEquals(ACCEPT, call.change());
        assertEquals("EnableVpcEndpointConnection epsrv-1", call.change().step());
        assertEquals(OperationDecisions.token("job-1", call.change().step()), call.token());
        List<String> made = List.of(ACCEPT.step());
        assertInstanceOf(OperationStep.Wait.class,
                decisions.afterConnectionObserved(accepting(), made, ACCEPT, connection("Connecting"), NOW));
        assertInstanceOf(OperationStep.Wait.class, decisions.afterConnectionObserved(accepting(), made, ACCEPT,
                connection("Disconnected"), NOW), "made: the cloud may show it late; never called twice");
        OperationStep.Done done = assertInstanceOf(OperationStep.Done.class,
                decisions.afterConnectionObserved(accepting(), made, ACCEPT, connection("Connected"), NOW));
        assertEquals("ConnectionStatus Connected", done.detail());
    }

    @Test
    void anAcceptanceOfAConnectedConnectionEndsWithoutACall() {
        assertInstanceOf(OperationStep.Done.class,
                decisions.afterConnectionObserved(accepting(), List.of(), ACCEPT, connection("Connected"), NOW));
    }

    @Test
    void aRejectionIsAlwaysMadeSoThatTheDecisionIsTheCloudsToo() {
        assertInstanceOf(OperationStep.Call.class,
                decisions.afterConnectionObserved(rejecting(), List.of(), REJECT, connection("Disconnected"), NOW));
        assertInstanceOf(OperationStep.Call.class,
                decisions.afterConnectionObserved(rejecting(), List.of(), REJECT, connection("Connected"), NOW));
        List<String> made = List.of(REJECT.step());
        assertInstanceOf(OperationStep.Wait.class,
                decisions.afterConnectionObserved(rejecting(), made, REJECT, connection("Disconnecting"), NOW));
        assertInstanceOf(OperationStep.Done.class,
                decisions.afterConnectionObserved(rejecting(), made, REJECT, connection("Disconnected"), NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connecting", "Disconnecting", "Pending", "Deleting"})
    void noDecisionIsMadeOnAConnectionOnItsWay(String status) {
        for (VpcEndpointJob job : List.of(accepting(), rejecting())) {
            assertInstanceOf(OperationStep.Wait.class, decisions.afterConnectionObserved(job, List.of(),
                    job.operation == Operation.Accept ? ACCEPT : REJECT, connection(status), NOW));
        }
    }

    @Test
    void aConnectionNotListedOrAServiceDeletedOrThePastDeadlineFailsTheDecision() {
        assertEquals(ApiErrors.CONNECTION_NOT_FOUND, assertInstanceOf(OperationStep.Fail.class,
                decisions.afterConnectionObserved(accepting(), List.of(), ACCEPT, Observation.gone(), NOW)).code());
        assertEquals(ApiErrors.SERVICE_DELETED, assertInstanceOf(OperationStep.Fail.class,
                decisions.afterConnectionObserved(rejecting(), List.of(), REJECT, connection("ServiceDeleted"), NOW))
                .code());
        assertEquals(ApiErrors.PROVISIONING_TIMEOUT, assertInstanceOf(OperationStep.Fail.class,
                decisions.afterConnectionObserved(accepting(), List.of(), ACCEPT, connection("Connecting"),
                        NOW.plusSeconds(601))).code());
    }

    @Test
    void theOwnersBusyAnswersAreRetriedAndItsRefusalsEndTheDecision() {
        assertInstanceOf(OperationStep.Wait.class, decisions.afterCall(accepting(), List.of(), ACCEPT,
                cloud("EndpointConnectionOperationDenied"), NOW));
        assertInstanceOf(OperationStep.Wait.class, decisions.afterCall(accepting(), List.of(), ACCEPT,
                cloud("ConcurrentCallNotSupported"), NOW));
        assertEquals("OperationDenied.NoAvailableServiceResource", assertInstanceOf(OperationStep.Fail.class,
                decisions.afterCall(accepting(), List.of(), ACCEPT,
                        cloud("OperationDenied.NoAvailableServiceResource"), NOW)).code());
        assertInstanceOf(OperationStep.Applied.class, decisions.afterCall(rejecting(), List.of(), REJECT, null, NOW));
        assertEquals(ApiErrors.SERVICE_NOT_FOUND, assertInstanceOf(OperationStep.Fail.class,
                decisions.afterObserveFailed(accepting(), List.of(), cloud("EndpointServiceNotFound"), NOW)).code());
    }

    @Test
    void decisionsOnOneConnectionShareAKeyAndOthersDoNot() {
        assertEquals(ConnectionAdmission.resourceKey("epsrv-1", "ep-1"), ConnectionAdmission.resourceKey("epsrv-1",
                "ep-1"));
        assertEquals(51, ConnectionAdmission.resourceKey("epsrv-1", "ep-1").length(), "within resource_key's 64");
        assertEquals(false, ConnectionAdmission.resourceKey("epsrv-1", "ep-2").equals(
                ConnectionAdmission.resourceKey("epsrv-1", "ep-1")));
    }

    static Observation zones(String status, String... zoneStatuses) {
        List<Observation.ZoneState> zones = new java.util.ArrayList<>();
        for (int z = 0; z < zoneStatuses.length; z++) {
            zones.add(new Observation.ZoneState("zone-" + z, "vsw-" + z, null, null, zoneStatuses[z]));
        }
        return connection(status).withParts(zones, null);
    }

    @Test
    void aRejectionOfSomeZonesDisconnectsEachListedZoneAloneOnceAndEndsWhenTheyAreDisconnected() {
        List<String> listed = List.of("zone-0", "zone-1");
        OperationStep.Call first = assertInstanceOf(OperationStep.Call.class, decisions.afterZonesObserved(
                rejecting(), List.of(), REJECT, listed, zones("Connected", "Connected", "Connected", "Connected"), NOW));
        assertEquals(new EndpointChange.DisableZoneConnection("epsrv-1", "zone-0"), first.change());
        List<String> made = List.of(first.change().step());
        assertInstanceOf(OperationStep.Wait.class, decisions.afterZonesObserved(rejecting(), made, REJECT, listed,
                zones("Connected", "Disconnecting", "Connected"), NOW));
        OperationStep.Call second = assertInstanceOf(OperationStep.Call.class, decisions.afterZonesObserved(
                rejecting(), made, REJECT, listed, zones("Connected", "Disconnected", "Connected", "Connected"), NOW));
        assertEquals(new EndpointChange.DisableZoneConnection("epsrv-1", "zone-1"), second.change());
        assertInstanceOf(OperationStep.Done.class, decisions.afterZonesObserved(rejecting(), made, REJECT, listed,
                zones("Connected", "Disconnected", "Disconnected", "Connected"), NOW));
        assertInstanceOf(OperationStep.Done.class, decisions.afterZonesObserved(rejecting(), List.of(), REJECT, listed,
                zones("Disconnected", "Disconnected", "Disconnected"), NOW), "no connection, no zone connected");
        assertEquals(ApiErrors.ZONE_NOT_FOUND, assertInstanceOf(OperationStep.Fail.class, decisions.afterZonesObserved(
                rejecting(), List.of(), REJECT, List.of("zone-9"), zones("Connected", "Connected"), NOW)).code());
    }

    @Test
    void anAcceptanceOfSomeZonesConnectsTheConnectionFirstThenEachZoneStillDisconnected() {
        List<String> listed = List.of("zone-1");
        assertEquals(ACCEPT, assertInstanceOf(OperationStep.Call.class, decisions.afterZonesObserved(accepting(),
                List.of(), ACCEPT, listed, zones("Disconnected", "Wait", "Wait"), NOW)).change());
        assertInstanceOf(OperationStep.Wait.class, decisions.afterZonesObserved(accepting(), List.of(ACCEPT.step()),
                ACCEPT, listed, zones("Connecting", "Connecting", "Connecting"), NOW));
        OperationStep.Call zone = assertInstanceOf(OperationStep.Call.class, decisions.afterZonesObserved(accepting(),
                List.of(ACCEPT.step()), ACCEPT, listed, zones("Connected", "Connected", "Disconnected"), NOW));
        assertEquals(new EndpointChange.EnableZoneConnection("epsrv-1", "zone-1"), zone.change());
        assertInstanceOf(OperationStep.Done.class, decisions.afterZonesObserved(accepting(), List.of(), ACCEPT, listed,
                zones("Connected", "Disconnected", "Connected"), NOW), "only the zones listed");
        assertEquals(ApiErrors.SERVICE_DELETED, assertInstanceOf(OperationStep.Fail.class, decisions.afterZonesObserved(
                accepting(), List.of(), ACCEPT, listed, connection("ServiceDeleted"), NOW)).code());
    }
}
