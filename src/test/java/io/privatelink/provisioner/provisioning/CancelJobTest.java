package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CancelVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;
import io.privatelink.provisioner.job.JobStatus;

/** CancelVpcEndpointJob over an in-memory record: a job stops only before it reaches the cloud. */
class CancelJobTest extends UseCaseTest {

    JobView cancel(String jobId, Boolean dryRun, Caller caller) {
        return world.cancel.cancel(new CancelVpcEndpointJobRequest(jobId, dryRun), caller)
                .await().atMost(Duration.ofSeconds(5));
    }

    ApiException refused(String jobId, Boolean dryRun, Caller caller) {
        return assertThrows(ApiException.class, () -> cancel(jobId, dryRun, caller));
    }

    JobStatus status(String jobId) {
        return world.jobs.byId(jobId).await().indefinitely().status;
    }

    @Test
    void anAcceptedJobEndsCancelledAndACancelAgainAnswersTheSame() {
        String jobId = world.acceptedCreate();
        JobView view = cancel(jobId, null, UseCases.CALLER);
        assertEquals("Cancelled", view.jobStatus());
        assertEquals(JobStatus.Cancelled, status(jobId));
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Cancelled), world.jobs.statuses(jobId));
        assertEquals("Cancelled", cancel(jobId, null, UseCases.CALLER).jobStatus());
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Cancelled), world.jobs.statuses(jobId), "moved once");
    }

    @Test
    void aJobThatReachedTheCloudIsRefused() {
        String jobId = world.acceptedCreate();
        world.provision.provision(new ProvisionCommand(jobId)).await().atMost(Duration.ofSeconds(5));
        ApiException refused = refused(jobId, null, UseCases.CALLER);
        assertEquals(ApiErrors.JOB_REACHED_CLOUD, refused.code());
        assertEquals(JobStatus.Creating, status(jobId));
        assertEquals(ApiErrors.JOB_REACHED_CLOUD, refused(jobId, true, UseCases.CALLER).code(), "its DryRun says so");
    }

    @Test
    void aDryRunChangesNothing() {
        String jobId = world.acceptedCreate();
        assertEquals(ApiErrors.DRY_RUN_OPERATION, refused(jobId, true, UseCases.CALLER).code());
        assertEquals(JobStatus.Accepted, status(jobId));
    }

    @Test
    void anotherCallersJobAndBrokenJobIdsAreRefused() {
        String jobId = world.acceptedCreate();
        assertEquals(ApiErrors.JOB_NOT_FOUND, refused(jobId, null, UseCases.OTHER_CALLER).code());
        assertEquals(JobStatus.Accepted, status(jobId));
        assertEquals("MissingJobId", refused(null, null, UseCases.CALLER).code());
        assertEquals(ApiErrors.ILLEGAL_JOB_ID, refused("job id with spaces", null, UseCases.CALLER).code());
        assertEquals(ApiErrors.JOB_NOT_FOUND, refused("job-unknown", null, UseCases.CALLER).code());
    }
}
