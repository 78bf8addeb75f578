package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.fakes.InMemoryCloud;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * Operations on an endpoint (adopt, delete), step by step as the reconciler hands them over, over an in-memory record
 * and cloud; time moves only when a job waits for its next step.
 */
class RunOperationTest extends UseCaseTest {

    static final String DELETE = "DeleteVpcEndpoint";

    /** An endpoint made elsewhere, adopted: the service manages it. */
    String adopted() {
        String endpointId = cloud().madeElsewhere();
        String adopt = accepted(world.adopt, "{\"RegionId\": \"cn-hangzhou\", \"EndpointId\": \"" + endpointId + "\"}");
        assertEquals(JobStatus.Adopted, run(adopt, 3).status);
        return endpointId;
    }

    @Test
    void anAdoptedEndpointIsManagedAndItsDeleteCallsTheCloudOnceThenWaitsForItToGo() {
        String endpointId = adopted();
        ManagedEndpoint managed = world.jobs.managedById(endpointId).await().indefinitely();
        assertEquals(ManagedEndpoint.Status.Active, managed.status);
        assertEquals(UseCases.CALLER.owner(), managed.owner());

        String delete = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\"}");
        VpcEndpointJob deleted = run(delete, 5);
        assertEquals(JobStatus.Deleted, deleted.status);
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Deleting, JobStatus.Deleting, JobStatus.Deleted),
                world.jobs.statuses(delete));
        assertEquals(1, cloud().calls(DELETE).size());
        assertFalse(cloud().holds(endpointId));
        assertEquals(null, world.jobs.managedById(endpointId).await().indefinitely(), "no longer managed");
    }

    @Test
    void anEndpointAlreadyGoneIsDeletedWithoutACall() {
        String endpointId = adopted();
        String delete = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\"}");
        cloud().deleteOutOfBand(endpointId);
        assertEquals(JobStatus.Deleted, run(delete, 3).status);
        assertEquals(List.of(), cloud().calls(DELETE));
    }

    @Test
    void aBusyEndpointsRefusalIsRetriedUnderTheSameStepTokenUntilTheDeleteIsMade() {
        String endpointId = adopted();
        String delete = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\"}");
        cloud().refuseNext(DELETE, "EndpointLocked", 400);
        VpcEndpointJob job = step(delete);
        assertEquals(JobStatus.Deleting, job.status, "still on its way");
        assertEquals(JobStatus.Deleted, run(delete, 5).status);
        List<InMemoryCloud.Call> calls = cloud().calls(DELETE);
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).clientToken(), calls.get(1).clientToken(), "the step's own token, both times");
    }

    @Test
    void aRefusalForGoodFailsTheOperationWithTheCloudsCode() {
        String endpointId = adopted();
        String delete = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\"}");
        cloud().refuseNext(DELETE, "Forbidden.NoPermission", 403);
        VpcEndpointJob job = run(delete, 3);
        assertEquals(JobStatus.Failed, job.status);
        assertEquals("Forbidden.NoPermission", job.errorCode);
        assertTrue(cloud().holds(endpointId));
    }

    @Test
    void anEndpointThatStaysOnItsWayFailsTheOperationAtItsDeadline() {
        String endpointId = adopted();
        String delete = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\", \"Deadline\": 60}");
        cloud().set(endpointId, "Pending");
        VpcEndpointJob job = run(delete, 100);
        assertEquals(JobStatus.Failed, job.status);
        assertEquals(ApiErrors.PROVISIONING_TIMEOUT, job.errorCode);
        assertEquals(List.of(), cloud().calls(DELETE), "nothing is asked of an endpoint on its way");
    }

    @Test
    void aSecondOperationOnTheSameEndpointWaitsQueuedForTheFirstToEnd() {
        String endpointId = adopted();
        String first = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\", \"ClientToken\": \"d-1\"}");
        String second = accepted(world.update, "{\"EndpointId\": \"" + endpointId
                + "\", \"EndpointName\": \"renamed-endpoint\"}");
        assertEquals(JobStatus.Deleting, step(first).status);
        assertEquals(JobStatus.Queued, step(second).status);
        assertEquals(JobStatus.Deleted, run(first, 5).status);
        assertEquals(world.clock.instant(), job(second).nextAttemptAt, "the first's end makes it due at once");
        VpcEndpointJob after = run(second, 3);
        assertEquals(JobStatus.Failed, after.status, "its endpoint went with the delete before it");
        assertEquals(ApiErrors.ENDPOINT_NOT_FOUND, after.errorCode);
    }

    @Test
    void anOperationQueuedBehindOneThatEndedMeanwhileStartsAtOnce() {
        String endpointId = adopted();
        String first = accepted(world.delete, "{\"EndpointId\": \"" + endpointId + "\", \"ClientToken\": \"d-2\"}");
        String second = accepted(world.update, "{\"EndpointId\": \"" + endpointId
                + "\", \"EndpointName\": \"renamed-endpoint\"}");
        // The first is cancelled after the second read it as moving, before the second's queueing: no one is woken.
        world.jobs.beforeNextUpdate(() -> job(first).status = JobStatus.Cancelled);
        VpcEndpointJob after = step(second);
        assertEquals(JobStatus.Updating, after.status, "started without waiting for the queued recheck");
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Queued, JobStatus.Updating),
                world.jobs.history(second).await().indefinitely().stream().map(h -> h.jobStatus).limit(3).toList());
    }
}
