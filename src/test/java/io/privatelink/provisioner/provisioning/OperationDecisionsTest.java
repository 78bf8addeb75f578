package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;
import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.Observation.GroupState;
import io.privatelink.provisioner.cloud.Observation.ZoneState;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** Every branch of what an operation on a managed endpoint does next, without Quarkus, a database or a cloud. */
class OperationDecisionsTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    final OperationDecisions decisions = new OperationDecisions(RetryScheduleTest.DEFAULTS,
            new RetrySchedule(RetryScheduleTest.DEFAULTS));

    static VpcEndpointJob job(Operation operation, JobStatus status) {
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = "job-1";
        job.cloudToken = "job-1";
        job.operation = operation;
        job.status = status;
        job.regionId = "cn-hangzhou";
        job.endpointId = "ep-1";
        job.resourceKey = "job-0";
        job.deadlineAt = NOW.plusSeconds(600);
        return job;
    }

    static Observation seen(String status, List<String> groups, List<String> zones) {
        return new Observation(true, status, Map.of("EndpointId", "ep-1", "EndpointName", "name"),
                zones.stream().map(z -> new ZoneState(z, "vsw-" + z, "10.0.0.1", null, "Connected")).toList(),
                groups.stream().map(g -> new GroupState(g, "Attached")).toList());
    }

    static CallFailure cloud(String code) {
        return CallFailure.of(new CloudException(code, "the cloud said " + code, 400, "req-1"));
    }

    static EndpointSpec spec(List<String> groups, List<String> zones, String name) {
        return new EndpointSpec(groups, zones == null ? null
                : zones.stream().map(z -> new ZoneSpec("vsw-" + z, z, null, null)).toList(), name, null, null, null);
    }

    @Test
    void anOperationBehindAnEarlierOneOnTheSameEndpointIsQueued() {
        OperationStep step = decisions.start(job(Operation.Delete, JobStatus.Accepted), "job-0", null, false, NOW);
        OperationStep.Queue queue = assertInstanceOf(OperationStep.Queue.class, step);
        assertEquals("job-0", queue.behind());
        assertEquals(NOW.plusSeconds(30), queue.at());
    }

    @Test
    void anOperationStartsWithTheEndpointOfItsCreateJobAndTheDefaultDeadline() {
        VpcEndpointJob job = job(Operation.Delete, JobStatus.Queued);
        job.endpointId = null;
        job.deadlineAt = null;
        VpcEndpointJob root = job(Operation.Create, JobStatus.Active);
        root.endpointId = "ep-made";
        root.regionId = "cn-shanghai";
        OperationStep.Start start = assertInstanceOf(OperationStep.Start.class, decisions.start(job, null, root, false, NOW));
        assertEquals("ep-made", start.endpointId());
        assertEquals("cn-shanghai", start.regionId());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), start.deadlineAt());
        job.deadlineAt = NOW.plusSeconds(60);
        assertEquals(NOW.plusSeconds(60),
                assertInstanceOf(OperationStep.Start.class, decisions.start(job, null, root, false, NOW)).deadlineAt(),
                "the caller's Deadline stands");
    }

    @Test
    void aDeleteOfWhatNoJobMadeIsDoneAndAnUpdateOfItFails() {
        VpcEndpointJob root = job(Operation.Create, JobStatus.Failed);
        root.endpointId = null;
        VpcEndpointJob delete = job(Operation.Delete, JobStatus.Accepted);
        delete.endpointId = null;
        assertInstanceOf(OperationStep.Done.class, decisions.start(delete, null, root, false, NOW));
        VpcEndpointJob update = job(Operation.Update, JobStatus.Accepted);
        update.endpointId = null;
        assertEquals("EndpointNotFound",
                assertInstanceOf(OperationStep.Fail.class, decisions.start(update, null, root, false, NOW)).code());
    }

    @Test
    void anEndpointAdoptedMeanwhileIsNotAdoptedTwice() {
        VpcEndpointJob adopt = job(Operation.Adopt, JobStatus.Accepted);
        adopt.resourceKey = null;
        assertEquals("OperationDenied.EndpointManaged",
                assertInstanceOf(OperationStep.Fail.class, decisions.start(adopt, null, null, true, NOW)).code());
        assertInstanceOf(OperationStep.Start.class, decisions.start(adopt, null, null, false, NOW));
    }

    @Test
    void aDeleteCallsTheCloudWhenActiveWaitsWhileItMovesAndEndsWhenTheEndpointIsGone() {
        VpcEndpointJob job = job(Operation.Delete, JobStatus.Deleting);
        OperationStep.Call call = assertInstanceOf(OperationStep.Call.class,
                decisions.afterObserve(job, List.of(), null, seen("Active", List.of(), List.of()), NOW));
        assertInstanceOf(EndpointChange.DeleteEndpoint.class, call.change());
        assertEquals(OperationDecisions.token("job-1", "DeleteVpcEndpoint"), call.token());
        assertTrue(call.token().length() <= 64);
        for (String moving : List.of("Creating", "Pending", "Deleting")) {
            assertInstanceOf(OperationStep.Wait.class,
                    decisions.afterObserve(job, List.of(), null, seen(moving, List.of(), List.of()), NOW), moving);
        }
        assertInstanceOf(OperationStep.Wait.class, decisions.afterObserve(job, List.of("DeleteVpcEndpoint"), null,
                seen("Active", List.of(), List.of()), NOW), "a delete already made is waited for, not made again");
        assertInstanceOf(OperationStep.Done.class, decisions.afterObserve(job, List.of(), null, Observation.gone(), NOW));
    }

    @Test
    void aDeleteAnsweredEndpointNotFoundIsDone() {
        VpcEndpointJob job = job(Operation.Delete, JobStatus.Deleting);
        assertInstanceOf(OperationStep.Done.class, decisions.afterCall(job, List.of(),
                new EndpointChange.DeleteEndpoint(), cloud("EndpointNotFound"), NOW));
    }

    @Test
    void anUpdateMakesOneChangeAtATimeOnlyOnceTheEndpointHasSettled() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        EndpointSpec desired = spec(List.of("sg-2"), List.of("h", "i"), "renamed");
        Observation attaching = new Observation(true, "Active", Map.of("EndpointName", "renamed"),
                List.of(new ZoneState("h", "vsw-h", null, null, "Connected")), List.of(new GroupState("sg-2", "Attaching")));
        assertInstanceOf(OperationStep.Wait.class, decisions.afterObserve(job, List.of(), desired, attaching, NOW));
        assertInstanceOf(OperationStep.Wait.class,
                decisions.afterObserve(job, List.of(), desired, seen("Pending", List.of("sg-1"), List.of("h")), NOW));
        OperationStep.Call first = assertInstanceOf(OperationStep.Call.class,
                decisions.afterObserve(job, List.of(), desired, seen("Active", List.of("sg-1"), List.of("h")), NOW));
        assertEquals(new EndpointChange.Attributes(Map.of("EndpointName", "renamed")), first.change());
        assertInstanceOf(OperationStep.Done.class, decisions.afterObserve(job, List.of("x"), desired,
                new Observation(true, "Active", Map.of("EndpointName", "renamed"),
                        List.of(new ZoneState("h", "vsw-h", null, null, "Wait"), new ZoneState("i", "vsw-i", null, null,
                                "Connected")), List.of(new GroupState("sg-2", "Attached"))), NOW));
    }

    @Test
    void anUpdateOfAnEndpointGoneFailsWithEndpointNotFound() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        assertEquals("EndpointNotFound", assertInstanceOf(OperationStep.Fail.class,
                decisions.afterObserve(job, List.of(), spec(null, null, "x"), Observation.gone(), NOW)).code());
    }

    @Test
    void anAdoptionEndsOnceTheEndpointIsSeenSettledAndFailsForOneThatIsNotThere() {
        VpcEndpointJob job = job(Operation.Adopt, JobStatus.Adopting);
        assertInstanceOf(OperationStep.Done.class,
                decisions.afterObserve(job, List.of(), null, seen("Active", List.of("sg-1"), List.of("h")), NOW));
        assertInstanceOf(OperationStep.Wait.class,
                decisions.afterObserve(job, List.of(), null, seen("Creating", List.of("sg-1"), List.of("h")), NOW));
        assertEquals("EndpointNotFound", assertInstanceOf(OperationStep.Fail.class,
                decisions.afterObserve(job, List.of(), null, Observation.gone(), NOW)).code());
    }

    @Test
    void aChangeThatAnsweredIsAppliedAndLookedAtAgainAfterTheFirstPoll() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        EndpointChange attach = new EndpointChange.AttachGroup("sg-2");
        OperationStep.Applied applied = assertInstanceOf(OperationStep.Applied.class,
                decisions.afterCall(job, List.of(), attach, null, NOW));
        assertEquals("AttachSecurityGroupToVpcEndpoint sg-2", applied.step());
        assertEquals(NOW.plusSeconds(3), applied.at());
    }

    @Test
    void theCloudsBusyCodesAreRetriedWithBackoffNeverPastTheDeadline() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        job.deadlineAt = NOW.plusSeconds(2);
        job.pollFailures = 9;
        for (String busy : List.of("EndpointLocked", "ConcurrentCallNotSupported", "EndpointOperationDenied",
                "EndpointConnectionOperationDenied", "Throttling.User", "ServiceUnavailable")) {
            OperationStep.Wait wait = assertInstanceOf(OperationStep.Wait.class,
                    decisions.afterCall(job, List.of(), new EndpointChange.AttachGroup("sg-2"), cloud(busy), NOW), busy);
            assertTrue(wait.failed());
            assertEquals(busy, wait.code());
            assertFalse(wait.at().isAfter(job.deadlineAt), busy);
        }
    }

    @Test
    void aTerminalFailureNamesTheStepAndWhatWasAppliedBeforeIt() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        OperationStep.Fail fail = assertInstanceOf(OperationStep.Fail.class, decisions.afterCall(job,
                List.of("AttachSecurityGroupToVpcEndpoint sg-2"), new EndpointChange.AddZone("k", "vsw-full01", null,
                        null), cloud("ResourceNotEnough.VSwitchIp"), NOW));
        assertEquals("ResourceNotEnough.VSwitchIp", fail.code());
        assertTrue(fail.detail().contains("AddZoneToVpcEndpoint k"), fail.detail());
        assertTrue(fail.detail().contains("[AttachSecurityGroupToVpcEndpoint sg-2]"), fail.detail());
    }

    @Test
    void aZoneAlreadyGoneCountsAsRemoved() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        assertInstanceOf(OperationStep.Applied.class, decisions.afterCall(job, List.of(),
                new EndpointChange.RemoveZone("i"), cloud("EndpointZoneNotFound"), NOW));
    }

    @Test
    void pastItsDeadlineAnOperationIsProvisioningTimeoutWithWhatItApplied() {
        VpcEndpointJob job = job(Operation.Update, JobStatus.Updating);
        Instant late = job.deadlineAt.plusSeconds(1);
        OperationStep.Fail fail = assertInstanceOf(OperationStep.Fail.class, decisions.afterObserve(job,
                List.of("UpdateVpcEndpointAttribute EndpointName"), spec(null, null, "x"),
                seen("Pending", List.of(), List.of()), late));
        assertEquals("ProvisioningTimeout", fail.code());
        assertTrue(fail.message().contains("UpdateVpcEndpointAttribute EndpointName"), fail.message());
        assertEquals("ProvisioningTimeout", assertInstanceOf(OperationStep.Fail.class,
                decisions.afterObserveFailed(job, List.of(), cloud("Throttling"), late)).code());
    }

    @Test
    void anObservationRefusedForGoodFailsTheJobAndOneThatGotNoAnswerIsRetried() {
        VpcEndpointJob job = job(Operation.Delete, JobStatus.Deleting);
        assertEquals("Forbidden.RAM", assertInstanceOf(OperationStep.Fail.class,
                decisions.afterObserveFailed(job, List.of(), cloud("Forbidden.RAM"), NOW)).code());
        assertTrue(assertInstanceOf(OperationStep.Wait.class,
                decisions.afterObserveFailed(job, List.of(), cloud("ServiceUnavailable"), NOW)).failed());
    }
}
