package io.privatelink.provisioner.provisioning;

import static io.privatelink.provisioner.provisioning.JobDecisionsTest.CONNECTION;
import static io.privatelink.provisioner.provisioning.JobDecisionsTest.CREATED;
import static io.privatelink.provisioner.provisioning.JobDecisionsTest.cloud;
import static io.privatelink.provisioner.provisioning.JobDecisionsTest.creating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * Every branch of what an Active endpoint's connection means for its create job: done only once Connected (unless
 * the request waits for the endpoint alone), AwaitingAcceptance while the owner has not decided, Failed when the owner
 * refuses or the service is gone, and the acceptance's own deadline and slow looks.
 */
class ConnectionDecisionsTest {

    final JobDecisions decisions = new JobDecisions(RetryScheduleTest.DEFAULTS,
            new RetrySchedule(RetryScheduleTest.DEFAULTS));

    /** An Active endpoint with this connection and these zones' statuses. */
    static Observation active(String connection, String... zones) {
        return new Observation(true, "Active", Map.of("EndpointStatus", "Active", "ConnectionStatus", connection,
                "ServiceId", "epsrv-1")).withParts(Arrays.stream(zones)
                        .map(z -> new Observation.ZoneState("zone-" + z, "vsw-1", "10.0.0.1", null, z)).toList(), null);
    }

    static VpcEndpointJob awaiting(Instant since, int polls) {
        VpcEndpointJob job = creating(since, polls, 0, 0);
        job.status = JobStatus.AwaitingAcceptance;
        return job;
    }

    @Test
    void aConnectedEndpointWithItsZonesConnectedEndsTheJob() {
        Next.Active done = assertInstanceOf(Next.Active.class, decisions.afterPoll(creating(CREATED, 2, 0, 0),
                Map.of(), active("Connected", "Connected", "Connected"), CONNECTION, CREATED.plusSeconds(9)));
        assertTrue(done.detail().contains("ConnectionStatus Connected"), done.detail());
    }

    @Test
    void aZoneStillConnectingKeepsTheJobLookingAtTheUsualPace() {
        Instant now = CREATED.plusSeconds(9);
        Next.PollAgain again = assertInstanceOf(Next.PollAgain.class, decisions.afterPoll(creating(CREATED, 2, 0, 0),
                Map.of(), active("Connected", "Connected", "Connecting"), CONNECTION, now));
        assertEquals(now.plus(new RetrySchedule(RetryScheduleTest.DEFAULTS).nextPoll("a", 3)), again.at());
    }

    @Test
    void aRequestThatWaitsForTheEndpointAloneEndsWhenItIsActive() {
        Next.Active done = assertInstanceOf(Next.Active.class, decisions.afterPoll(creating(CREATED, 1, 0, 0),
                Map.of(), active("Disconnected", "Wait"), new WaitFor(false, Duration.ofDays(7)),
                CREATED.plusSeconds(5)));
        assertTrue(done.detail().contains("not waited for"), done.detail());
    }

    @Test
    void anUndecidedConnectionMovesTheJobToAwaitingAcceptanceWithItsOwnSlowLooks() {
        Instant now = CREATED.plusSeconds(8);
        Next.AwaitAcceptance waiting = assertInstanceOf(Next.AwaitAcceptance.class, decisions.afterPoll(
                creating(CREATED, 2, 0, 0), Map.of(), active("Disconnected", "Wait", "Wait"), CONNECTION, now));
        assertEquals(now.plusSeconds(10), waiting.at());
        assertEquals(0, waiting.counts().polls(), "the acceptance's looks count from the start");
        assertEquals("Disconnected", waiting.endpoint().get("ConnectionStatus"));
        assertTrue(waiting.detail().contains(now.plus(Duration.ofDays(7)).toString()), waiting.detail());

        Next.PollAgain later = assertInstanceOf(Next.PollAgain.class, decisions.afterPoll(awaiting(now, 3),
                waiting.endpoint(), active("Disconnected", "Wait"), CONNECTION, now.plusSeconds(60)));
        assertEquals(now.plusSeconds(60).plus(Duration.ofMillis(50_625)), later.at(), "10 s grown by half 4 times");
        Next.PollAgain capped = assertInstanceOf(Next.PollAgain.class, decisions.afterPoll(awaiting(now, 30),
                waiting.endpoint(), active("Disconnected", "Wait"), CONNECTION, now.plusSeconds(3600)));
        assertEquals(now.plusSeconds(3600).plus(Duration.ofMinutes(5)), capped.at());
    }

    @Test
    void theAcceptanceDeadlineCountsFromAwaitingAcceptanceNotFromTheCallersDeadline() {
        Instant entered = CREATED.plusSeconds(8);
        VpcEndpointJob job = awaiting(entered, 5);
        job.deadlineAt = CREATED.plusSeconds(60);
        WaitFor hour = new WaitFor(true, Duration.ofHours(1));
        assertInstanceOf(Next.PollAgain.class, decisions.afterPoll(job, Map.of(), active("Disconnected", "Wait"),
                hour, entered.plusSeconds(1800)), "past the caller's Deadline, within the acceptance's");
        Next.Fail late = assertInstanceOf(Next.Fail.class, decisions.afterPoll(job, Map.of(),
                active("Disconnected", "Wait"), hour, entered.plusSeconds(3601)));
        assertEquals(ApiErrors.ACCEPTANCE_TIMEOUT, late.code());

        assertInstanceOf(Next.PollAgain.class, decisions.afterPollFailed(job, Map.of(), cloud("Throttling", 400), hour,
                entered.plusSeconds(3601)), "a throttled look past the deadline is tried again for a while");
        assertEquals(ApiErrors.ACCEPTANCE_TIMEOUT, assertInstanceOf(Next.Fail.class, decisions.afterPollFailed(job,
                Map.of(), cloud("Throttling", 400), hour, entered.plusSeconds(3661))).code());
    }

    @Test
    void anAcceptedConnectionEndsTheWait() {
        Next.Active done = assertInstanceOf(Next.Active.class, decisions.afterPoll(awaiting(CREATED, 4),
                Map.of("ConnectionStatus", "Disconnected"), active("Connected", "Connected"), CONNECTION,
                CREATED.plusSeconds(600)));
        assertEquals("Connected", done.endpoint().get("ConnectionStatus"));
    }

    @ParameterizedTest(name = "{0} after {1}, zones {2}: {3}")
    @CsvSource({
            "Disconnecting, Disconnected, Wait, ConnectionRejected",
            "Disconnected, Connected, Wait, ConnectionRejected",
            "Disconnected, Connecting, Wait, ConnectionRejected",
            "Disconnected, Disconnected, Disconnected, ConnectionRejected",
            "ServiceDeleted, Disconnected, Wait, EndpointServiceDeleted"})
    void aRefusalOrAServiceGoneFailsTheJobWithItsCode(String connection, String before, String zone, String code) {
        for (VpcEndpointJob job : List.of(creating(CREATED, 1, 0, 0), awaiting(CREATED, 1))) {
            Next.Fail failed = assertInstanceOf(Next.Fail.class, decisions.afterPoll(job,
                    Map.of("ConnectionStatus", before), active(connection, zone), CONNECTION,
                    CREATED.plusSeconds(30)));
            assertEquals(code, failed.code());
            assertTrue(failed.message().contains("epsrv-1"), failed.message());
            assertEquals(connection, failed.endpoint().get("ConnectionStatus"), "the endpoint as last seen");
        }
    }

    @ParameterizedTest(name = "{0} with zones {1}: {2}")
    @CsvSource({"Connected, Connected, Connected", "Connected, Disconnected, Connected", "Connected, Wait, Connecting",
            "Connecting, Connecting, Connecting", "Pending, Connected, Connecting",
            "Disconnected, Wait, AwaitingDecision",
            "Disconnected, Disconnecting, Rejected", "ServiceDeleted, Wait, ServiceDeleted"})
    void whatEachConnectionAndZoneStatusMeans(String connection, String zone, ConnectionState expected) {
        assertEquals(expected, ConnectionState.of(Map.of(), active(connection, zone)));
    }

    @Test
    void aCloudThatTellsNoConnectionIsTakenAtItsEndpointsWord() {
        assertEquals(ConnectionState.Connected, ConnectionState.of(null,
                new Observation(true, "Active", Map.of("EndpointStatus", "Active"))));
    }
}
