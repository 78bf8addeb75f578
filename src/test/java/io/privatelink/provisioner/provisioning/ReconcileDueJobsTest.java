package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.api.ReconcileSummary;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/** The reconciler's pass over due jobs: each poll's outcome, and jobs whose command was lost, in memory. */
class ReconcileDueJobsTest extends UseCaseTest {

    /** A create job whose endpoint the cloud is making. */
    String creating(String more) {
        String jobId = world.accept.fromCaller(world.create, UseCases.createRequest(more), UseCases.CALLER)
                .await().atMost(Duration.ofSeconds(5)).jobId();
        world.provision.provision(new ProvisionCommand(jobId)).await().atMost(Duration.ofSeconds(5));
        assertEquals(JobStatus.Creating, job(jobId).status);
        return jobId;
    }

    /** A pass once the job is due. */
    ReconcileSummary passWhenDue(String jobId) {
        VpcEndpointJob job = job(jobId);
        if (job.nextAttemptAt != null && job.nextAttemptAt.isAfter(world.clock.instant())) {
            world.clock.advance(Duration.between(world.clock.instant(), job.nextAttemptAt));
        }
        return world.reconcile.pass(false).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void anEndpointThatTurnedActiveEndsItsJobActiveAndIsManagedFromThen() {
        String jobId = creating("");
        String endpointId = job(jobId).endpointId;
        cloud().set(endpointId, Observation.ACTIVE);
        ReconcileSummary summary = passWhenDue(jobId);
        assertEquals(1, summary.claimed());
        VpcEndpointJob job = job(jobId);
        assertEquals(JobStatus.Active, job.status);
        assertEquals(null, job.nextAttemptAt, "an ended job is never due again");
        ManagedEndpoint managed = world.jobs.managedById(endpointId).await().indefinitely();
        assertEquals(ManagedEndpoint.Status.Active, managed.status);
        assertEquals(jobId, managed.resourceKey);
        assertEquals("privatelink.vpc-endpoint.job.active", world.jobs.eventTypes(jobId).get(3));
    }

    @Test
    void anEndpointStillCreatingIsPolledAgainLater() {
        String jobId = creating("");
        passWhenDue(jobId);
        VpcEndpointJob job = job(jobId);
        assertEquals(JobStatus.Creating, job.status);
        assertEquals(1, job.polls);
        assertTrue(job.nextAttemptAt.isAfter(world.clock.instant()));
        assertEquals(0, world.reconcile.pass(false).await().atMost(Duration.ofSeconds(5)).claimed(),
                "not due before its next poll");
    }

    @Test
    void anEndpointTheCloudDoesNotShowIsToleratedForSomePollsThenTheJobFails() {
        String jobId = creating("");
        cloud().deleteOutOfBand(job(jobId).endpointId);
        int tolerated = world.config.retry().notFoundPolls();
        for (int i = 0; i < tolerated; i++) {
            passWhenDue(jobId);
            assertEquals(JobStatus.Creating, job(jobId).status, "poll " + (i + 1) + " is within the tolerance");
        }
        passWhenDue(jobId);
        VpcEndpointJob job = job(jobId);
        assertEquals(JobStatus.Failed, job.status);
        assertEquals(CloudErrors.ENDPOINT_NOT_FOUND, job.errorCode);
    }

    @Test
    void anEndpointNotActiveByTheRequestsDeadlineFailsTheJobKeepingItsEndpointId() {
        String jobId = creating(", \"Deadline\": 60");
        String endpointId = job(jobId).endpointId;
        world.clock.advance(Duration.ofSeconds(61));
        passWhenDue(jobId);
        VpcEndpointJob job = job(jobId);
        assertEquals(JobStatus.Failed, job.status);
        assertEquals(ApiErrors.PROVISIONING_TIMEOUT, job.errorCode);
        assertEquals(endpointId, job.endpointId, "the caller can still find (and delete) what was made");
    }

    @Test
    void aThrottledPollBacksOffAndDoesNotFailTheJob() {
        String jobId = creating("");
        cloud().refuseNext(PrivateLinkClient.OBSERVE, "Throttling.User", 400);
        passWhenDue(jobId);
        VpcEndpointJob job = job(jobId);
        assertEquals(JobStatus.Creating, job.status);
        assertEquals(1, job.pollFailures);
        cloud().set(job.endpointId, Observation.ACTIVE);
        passWhenDue(jobId);
        assertEquals(JobStatus.Active, job(jobId).status);
    }

    @Test
    void aJobWhoseCommandWasLostIsStartedByTheReconcilerOnce() {
        String jobId = world.acceptedCreate();
        assertEquals(0, world.reconcile.pass(false).await().atMost(Duration.ofSeconds(5)).claimed(),
                "its command has resend-after to arrive first");
        passWhenDue(jobId);
        assertEquals(JobStatus.Creating, job(jobId).status);
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Provisioning, JobStatus.Creating),
                world.jobs.statuses(jobId));
        assertEquals(1, cloud().calls(PrivateLinkClient.CREATE).size());
    }

    @Test
    void whileAcceptsAreUnderWayAPassClaimsAFewJobsOfEachAccount() {
        try (UseCases busy = new UseCases(java.util.Map.of("privatelink.accept.provisioning-yield", "20ms",
                "privatelink.reconciler.per-account-while-accepting", "2"))) {
            List<String> lost = new java.util.ArrayList<>(List.of(busy.acceptedCreate(), busy.acceptedCreate(),
                    busy.acceptedCreate()));
            String small = busy.accept.fromCaller(busy.create, UseCases.createRequest(", \"Account\": \"demo-b\""),
                    UseCases.CALLER).await().atMost(Duration.ofSeconds(5)).jobId();
            busy.clock.advance(busy.config.accept().resendAfter());
            java.util.concurrent.CompletableFuture<String> accept = new java.util.concurrent.CompletableFuture<>();
            busy.priority.accepting(() -> Uni.createFrom().completionStage(accept)).subscribe().with(done -> {
            });
            assertEquals(3, busy.reconcile.pass(false).await().atMost(Duration.ofSeconds(5)).claimed(),
                    "a burst's pass takes two of demo-a's jobs and demo-b's one, leaving demo-a's third to the next");
            assertEquals(JobStatus.Creating, busy.jobs.byId(small).await().indefinitely().status);
            accept.complete("202");
            assertEquals(1, busy.reconcile.pass(false).await().atMost(Duration.ofSeconds(5)).claimed(),
                    "without accepts under way a pass claims all that is due");
            assertTrue(lost.stream().allMatch(id -> busy.jobs.byId(id).await().indefinitely().status
                    == JobStatus.Creating));
        }
    }
}
