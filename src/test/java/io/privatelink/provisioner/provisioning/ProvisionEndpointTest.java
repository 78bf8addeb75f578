package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.fakes.InMemoryCloud;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** A create job's call to the cloud, each outcome, over an in-memory record and cloud with time moved by the test. */
class ProvisionEndpointTest extends UseCaseTest {

    VpcEndpointJob provisioned(String jobId) {
        world.provision.provision(new ProvisionCommand(jobId)).await().atMost(Duration.ofSeconds(5));
        return job(jobId);
    }

    @Test
    void theCreateCallRecordsTheEndpointCreatingAndItsFirstPoll() {
        String jobId = world.acceptedCreate();
        VpcEndpointJob job = provisioned(jobId);
        assertEquals(JobStatus.Creating, job.status);
        assertTrue(job.endpointId.startsWith("ep-memory"), job.endpointId);
        assertTrue(cloud().holds(job.endpointId));
        assertEquals(world.clock.instant().plus(world.config.retry().firstPoll()), job.nextAttemptAt);
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Provisioning, JobStatus.Creating),
                world.jobs.statuses(jobId));
        assertEquals(job.cloudToken, cloud().calls(PrivateLinkClient.CREATE).get(0).clientToken(),
                "the job's own token goes to the cloud, so a repeated call makes no second endpoint");
        assertEquals(List.of("privatelink.vpc-endpoint.job.accepted", "privatelink.vpc-endpoint.job.provisioning",
                "privatelink.vpc-endpoint.job.creating"), world.jobs.eventTypes(jobId));
    }

    @Test
    void aSecondCommandForACreateUnderWayCallsNothing() {
        String jobId = world.acceptedCreate();
        provisioned(jobId);
        provisioned(jobId);
        assertEquals(1, cloud().calls(PrivateLinkClient.CREATE).size());
    }

    @Test
    void aThrottledCreateStaysProvisioningAndIsRetriedLaterUnderTheSameToken() {
        String jobId = world.acceptedCreate();
        cloud().refuseNext(PrivateLinkClient.CREATE, "Throttling.User", 400);
        VpcEndpointJob job = provisioned(jobId);
        assertEquals(JobStatus.Provisioning, job.status);
        assertTrue(job.nextAttemptAt.isAfter(world.clock.instant()), "retried later, not at once");
        assertEquals("Throttling.User", world.jobs.withHistory(jobId).await().indefinitely().history().stream()
                .reduce((a, b) -> b).orElseThrow().retriedCode);

        world.clock.advance(Duration.between(world.clock.instant(), job.nextAttemptAt));
        assertEquals(JobStatus.Creating, provisioned(jobId).status);
        List<InMemoryCloud.Call> calls = cloud().calls(PrivateLinkClient.CREATE);
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).clientToken(), calls.get(1).clientToken());
    }

    @Test
    void aCreateTheCloudRefusesForGoodFailsTheJobWithTheCloudsCode() {
        String jobId = world.acceptedCreate();
        cloud().refuseNext(PrivateLinkClient.CREATE, "VpcNotFound", 400);
        VpcEndpointJob job = provisioned(jobId);
        assertEquals(JobStatus.Failed, job.status);
        assertEquals("VpcNotFound", job.errorCode);
        assertEquals(List.of("privatelink.vpc-endpoint.job.accepted", "privatelink.vpc-endpoint.job.provisioning",
                "privatelink.vpc-endpoint.job.failed"), world.jobs.eventTypes(jobId));
    }

    @Test
    void aCommandWithoutAJobIdIsRefusedAndOneForAnUnknownJobDoesNothing() {
        ApiException refused = assertThrows(ApiException.class,
                () -> world.provision.provision(new ProvisionCommand(null)).await().atMost(Duration.ofSeconds(5)));
        assertEquals("MissingJobId", refused.code());
        world.provision.provision(new ProvisionCommand("job-unknown")).await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(), cloud().calls());
    }

    @Test
    void aCancelledJobIsNeverCalled() {
        String jobId = world.acceptedCreate();
        world.cancel.cancel(new io.privatelink.provisioner.api.CancelVpcEndpointJobRequest(jobId, null),
                UseCases.CALLER).await().atMost(Duration.ofSeconds(5));
        assertEquals(JobStatus.Cancelled, provisioned(jobId).status);
        assertEquals(List.of(), cloud().calls());
    }
}
