package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.Creation;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** Every branch of what a cloud outcome means for a job, without Quarkus, a database or a cloud. */
class JobDecisionsTest {

    static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    /** The default: the connection waited for, a week for its acceptance. */
    static final WaitFor CONNECTION = new WaitFor(true, Duration.ofDays(7));
    final JobDecisions decisions = new JobDecisions(RetryScheduleTest.DEFAULTS,
            new RetrySchedule(RetryScheduleTest.DEFAULTS));

    static VpcEndpointJob job(JobStatus status, Instant updatedAt) {
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = "job-1";
        job.status = status;
        job.createdAt = CREATED;
        job.updatedAt = updatedAt;
        job.endpointId = status == JobStatus.Creating ? "ep-1" : null;
        return job;
    }

    /** A job Creating since {@code since}, with its poll counts so far. */
    static VpcEndpointJob creating(Instant since, int polls, int failuresInARow, int notFound) {
        VpcEndpointJob job = job(JobStatus.Creating, since);
        job.polls = polls;
        job.pollFailures = failuresInARow;
        job.notFoundPolls = notFound;
        return job;
    }

    static CallFailure cloud(String code, int status) {
        return CallFailure.of(new CloudException(code, "the cloud said " + code, status, "req-1"));
    }

    static void assertBetween(Instant from, Instant to, Instant value) {
        assertFalse(value.isBefore(from) || value.isAfter(to), value + " not within " + from + " .. " + to);
    }

    @Test
    void anAnsweredCreateRecordsTheEndpointAndPollsItAtTheFirstPoll() {
        Instant now = CREATED.plusSeconds(1);
        Next next = decisions.afterCreate("a",
                new Creation("ep-1", Map.of("EndpointId", "ep-1", "EndpointStatus", "Creating")), now);
        Next.Creating creating = assertInstanceOf(Next.Creating.class, next);
        assertEquals("ep-1", creating.endpointId());
        assertEquals("Creating", creating.endpoint().get("EndpointStatus"));
        assertEquals(now.plusSeconds(3), creating.firstPollAt());
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) is retried")
    @CsvSource({"Throttling.User,400", "ServiceUnavailable,503", "SomethingNew,502", "EndpointLocked,400",
            "IdempotenceProcessing,400", "SDK.ReadTimeout,0", "SDK.ServerUnreachable,0"})
    void eachRetryableClassIsRetriedWithJitterBeforeTheDeadline(String code, int status) {
        Instant now = CREATED.plusSeconds(30);
        Next next = decisions.afterCreateFailed(job(JobStatus.Provisioning, now), 3, cloud(code, status), now);
        Next.RetryCreate retry = assertInstanceOf(Next.RetryCreate.class, next);
        assertEquals(code, retry.code());
        assertBetween(now, now.plusSeconds(4), retry.at());
        assertTrue(retry.detail().startsWith("attempt 3 failed: " + code + ": "), retry.detail());
    }

    @Test
    void aFailureThatIsNotTheCloudsAnswerIsRetriedAsInternalError() {
        Instant now = CREATED.plusSeconds(5);
        Next next = decisions.afterCreateFailed(job(JobStatus.Provisioning, now), 1,
                CallFailure.of(new java.util.concurrent.RejectedExecutionException("shutting down")), now);
        assertEquals(CallFailure.INTERNAL_ERROR, assertInstanceOf(Next.RetryCreate.class, next).code());
    }

    @Test
    void aTerminalCodeFailsTheJobWithTheCloudsCodeAndMessage() {
        Instant now = CREATED.plusSeconds(5);
        Next next = decisions.afterCreateFailed(job(JobStatus.Provisioning, now), 1, cloud("VpcNotFound", 404), now);
        Next.Fail fail = assertInstanceOf(Next.Fail.class, next);
        assertEquals("VpcNotFound", fail.code());
        assertEquals("the cloud said VpcNotFound", fail.message());
    }

    @Test
    void aRetryableFailurePastTheCreateDeadlineIsProvisioningTimeoutWithTheLastError() {
        Instant now = CREATED.plus(Duration.ofMinutes(10)).plusSeconds(1);
        Next next = decisions.afterCreateFailed(job(JobStatus.Provisioning, now), 9, cloud("Throttling", 400), now);
        Next.Fail fail = assertInstanceOf(Next.Fail.class, next);
        assertEquals("ProvisioningTimeout", fail.code());
        assertTrue(fail.message().contains("last error Throttling"), fail.message());
    }

    @Test
    void anActiveEndpointEndsTheJobWithTheAttributesMerged() {
        Instant creating = CREATED.plusSeconds(1);
        VpcEndpointJob job = creating(creating, 2, 0, 0);
        Next next = decisions.afterPoll(job, Map.of("EndpointId", "ep-1", "EndpointDomain", "ep-1.example"),
                new Observation(true, "Active", Map.of("EndpointStatus", "Active")), CONNECTION,
                        creating.plusSeconds(9));
        Next.Active active = assertInstanceOf(Next.Active.class, next);
        assertEquals(Map.of("EndpointId", "ep-1", "EndpointDomain", "ep-1.example", "EndpointStatus", "Active"),
                active.endpoint());
        assertEquals(new Next.PollCounts(3, 0, 0), active.counts());
        assertEquals("EndpointStatus Active after 3 polls", active.detail());
    }

    @Test
    void anEndpointStillCreatingIsPolledAgainAtTheGrowingInterval() {
        Instant creating = CREATED.plusSeconds(1);
        VpcEndpointJob job = creating(creating, 1, 2, 0);
        Instant now = creating.plusSeconds(8);
        Next next = decisions.afterPoll(job, Map.of("EndpointId", "ep-1"),
                new Observation(true, "Creating", Map.of("EndpointStatus", "Creating")), CONNECTION, now);
        Next.PollAgain again = assertInstanceOf(Next.PollAgain.class, next);
        assertEquals(now.plusMillis(6750), again.at(), "3 s x 1.5^2");
        assertEquals(new Next.PollCounts(2, 0, 0), again.counts(), "an answered poll ends a run of failures");
        assertEquals("Creating", again.endpoint().get("EndpointStatus"));
    }

    @Test
    void endpointNotFoundJustAfterTheCreateIsToleratedThenFailsTheJob() {
        Instant creating = CREATED.plusSeconds(1);
        VpcEndpointJob job = creating(creating, 0, 0, 19);
        Map<String, Object> known = Map.of("EndpointId", "ep-1");
        Next tolerated = decisions.afterPoll(job, known, Observation.gone(), CONNECTION, creating.plusSeconds(20));
        Next.PollAgain again = assertInstanceOf(Next.PollAgain.class, tolerated);
        assertEquals(20, again.counts().notFound());
        assertEquals(known, again.endpoint());
        job.notFoundPolls = 20;
        Next.Fail fail = assertInstanceOf(Next.Fail.class,
                decisions.afterPoll(job, known, Observation.gone(), CONNECTION, creating.plusSeconds(21)));
        assertEquals("EndpointNotFound", fail.code());
    }

    @Test
    void anEndpointNotActivePastTheActiveDeadlineIsProvisioningTimeout() {
        Instant creating = CREATED.plusSeconds(1);
        Instant late = creating.plus(Duration.ofMinutes(15)).plusSeconds(1);
        VpcEndpointJob job = job(JobStatus.Creating, creating);
        Next answered = decisions.afterPoll(job, Map.of(), new Observation(true, "Creating", Map.of()), CONNECTION,
                late);
        assertEquals("ProvisioningTimeout", assertInstanceOf(Next.Fail.class, answered).code());
    }

    @Test
    void theCallersDeadlineReplacesBothOfTheServicesDeadlines() {
        VpcEndpointJob provisioning = job(JobStatus.Provisioning, CREATED);
        provisioning.deadlineAt = CREATED.plusSeconds(60);
        assertEquals("ProvisioningTimeout", assertInstanceOf(Next.Fail.class, decisions.afterCreateFailed(provisioning,
                3, cloud("Throttling", 400), CREATED.plusSeconds(61))).code(), "long before the 10-minute default");
        VpcEndpointJob creating = job(JobStatus.Creating, CREATED.plusSeconds(5));
        creating.deadlineAt = CREATED.plusSeconds(60);
        Next.Fail late = assertInstanceOf(Next.Fail.class, decisions.afterPoll(creating, Map.of(),
                new Observation(true, "Creating", Map.of()), CONNECTION, CREATED.plusSeconds(61)));
        assertEquals("ProvisioningTimeout", late.code());
        assertTrue(late.message().contains(creating.deadlineAt.toString()), late.message());
        creating.deadlineAt = CREATED.plus(Duration.ofHours(1));
        assertInstanceOf(Next.PollAgain.class, decisions.afterPoll(creating, Map.of(),
                new Observation(true, "Creating", Map.of()), CONNECTION, CREATED.plus(Duration.ofMinutes(30))),
                "a longer Deadline lets it wait past the 15-minute default");
    }

    @Test
    void aFailedPollJustPastTheDeadlineTriesAgainAndOnlyAFullBackoffCapLaterTimesOut() {
        Instant creating = CREATED.plusSeconds(1);
        Instant deadline = creating.plus(Duration.ofMinutes(15));
        VpcEndpointJob job = creating(creating, 3, 6, 0);
        Next.PollAgain again = assertInstanceOf(Next.PollAgain.class,
                decisions.afterPollFailed(job, Map.of(), cloud("Throttling", 400), CONNECTION,
                        deadline.plusSeconds(1)));
        assertBetween(deadline.plusSeconds(1), deadline.plusSeconds(60), again.at());
        Next late = decisions.afterPollFailed(job, Map.of(), cloud("Throttling", 400), CONNECTION,
                deadline.plusSeconds(61));
        assertEquals("ProvisioningTimeout", assertInstanceOf(Next.Fail.class, late).code());
    }

    @Test
    void aFailedPollsBackoffNeverReachesPastTheDeadline() {
        Instant creating = CREATED.plusSeconds(1);
        Instant deadline = creating.plus(Duration.ofMinutes(15));
        // Eight failures in a row: a ceiling of 60 s, most draws of which land past a deadline 5 s away.
        VpcEndpointJob job = creating(creating, 3, 7, 0);
        for (int i = 0; i < 50; i++) {
            Next.PollAgain again = assertInstanceOf(Next.PollAgain.class,
                    decisions.afterPollFailed(job, Map.of(), cloud("Throttling", 400), CONNECTION,
                            deadline.minusSeconds(5)));
            assertBetween(deadline.minusSeconds(5), deadline, again.at());
        }
    }

    @Test
    void aThrottledPollBacksOffWithJitterAndKeepsWhatIsKnown() {
        Instant creating = CREATED.plusSeconds(1);
        VpcEndpointJob job = creating(creating, 4, 1, 0);
        Instant now = creating.plusSeconds(30);
        Map<String, Object> known = Map.of("EndpointId", "ep-1");
        Next.PollAgain again = assertInstanceOf(Next.PollAgain.class,
                decisions.afterPollFailed(job, known, cloud("Throttling.Api", 400), CONNECTION, now));
        assertEquals(new Next.PollCounts(4, 2, 0), again.counts(), "a failed poll is not an answered one");
        assertBetween(now, now.plusSeconds(2), again.at());
        assertEquals(known, again.endpoint());
    }

    @Test
    void aPollFailingWithAnUnknownErrorIsRetriedLikeACreateCallAndATerminalOneFails() {
        Instant creating = CREATED.plusSeconds(1);
        VpcEndpointJob job = job(JobStatus.Creating, creating);
        Instant now = creating.plusSeconds(5);
        assertInstanceOf(Next.PollAgain.class,
                decisions.afterPollFailed(job, Map.of(), CallFailure.of(new IllegalStateException("bug")), CONNECTION,
                        now));
        Next.Fail fail = assertInstanceOf(Next.Fail.class,
                decisions.afterPollFailed(job, Map.of(), cloud("Forbidden.RAM", 403), CONNECTION, now));
        assertEquals("Forbidden.RAM", fail.code());
        assertEquals("Forbidden.RAM: the cloud said Forbidden.RAM", fail.detail());
    }
}
