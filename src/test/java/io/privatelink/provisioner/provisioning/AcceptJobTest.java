package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.JobRequest;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/** Each branch of the one accept pipeline, over an in-memory record and cloud, with time standing still. */
class AcceptJobTest extends UseCaseTest {

    static CreateVpcEndpointRequest create(String more) {
        return UseCases.createRequest(more);
    }

    <R extends JobRequest> CreateVpcEndpointResponse accepted(Admission<R> admission, R request, Caller caller) {
        return world.accept.fromCaller(admission, request, caller).await().atMost(Duration.ofSeconds(5));
    }

    <R extends JobRequest> ApiException refused(Admission<R> admission, R request, Caller caller) {
        return assertThrows(ApiException.class, () -> accepted(admission, request, caller));
    }

    @Test
    void aCreateIsRecordedAcceptedInTheTenantsDefaultAccountAndItsCommandSent() {
        CreateVpcEndpointResponse answer = accepted(world.create, create(", \"ClientToken\": \"t-1\", \"Deadline\": 600"),
                UseCases.CALLER);
        VpcEndpointJob job = world.jobs.jobs().get(0);
        assertEquals(List.of(job.jobId), world.jobs.jobs().stream().map(j -> j.jobId).toList());
        assertEquals(answer.jobId(), job.jobId);
        assertEquals("Accepted", answer.jobStatus());
        assertEquals("t-1", answer.clientToken());
        assertEquals(UseCases.CALLER.owner(), job.owner());
        assertEquals(Operation.Create, job.operation);
        assertEquals("demo-a", job.account);
        assertEquals("vpc-demo01", job.vpcId);
        assertEquals(world.clock.instant().plusSeconds(600), job.deadlineAt);
        assertEquals(world.clock.instant().plus(world.config.accept().resendAfter()), job.nextAttemptAt,
                "the reconciler starts it itself if its command is lost");
        assertEquals(List.of(job.jobId), world.commands.sent().stream().map(c -> c.jobId()).toList());
        assertEquals(List.of(), cloud().calls(), "the cloud is not called at acceptance");
    }

    @Test
    void theSameClientTokenWithTheSameParametersGivesBackTheSameJobAndOtherParametersAreRefused() {
        String first = accepted(world.create, create(", \"ClientToken\": \"t-2\""), UseCases.CALLER).jobId();
        assertEquals(first, accepted(world.create, create(", \"ClientToken\": \"t-2\""), UseCases.CALLER).jobId());
        ApiException mismatch = refused(world.create, create(", \"ClientToken\": \"t-2\", \"EndpointName\": \"another-name\""),
                UseCases.CALLER);
        assertEquals(ApiErrors.IDEMPOTENCE_SIGNATURE_MISMATCH, mismatch.code());
        assertEquals(1, world.jobs.jobs().size());
        assertEquals(1, world.commands.sent().size(), "the replay sends no second command");
    }

    @Test
    void withoutAClientTokenEachRequestIsANewJobUnderATokenOfItsOwn() {
        String a = accepted(world.create, create(""), UseCases.CALLER).clientToken();
        String b = accepted(world.create, create(""), UseCases.CALLER).clientToken();
        assertNotEquals(a, b);
        assertEquals(2, world.jobs.jobs().size());
    }

    @Test
    void aBrokenRuleOrAnAccountTheTenantMayNotUseIsRefusedAndNothingIsRecorded() {
        CreateVpcEndpointRequest noRegion = RequestReader.read("{\"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-1\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("MissingRegionId", refused(world.create, noRegion, UseCases.CALLER).code());
        assertEquals(ApiErrors.FORBIDDEN_ACCOUNT, refused(world.create, create(", \"Account\": \"demo-b\""),
                UseCases.OTHER_CALLER).code(), "demo-b is not the other tenant's");
        assertEquals(ApiErrors.ILLEGAL_ACCOUNT, refused(world.create, create(", \"Account\": \"nowhere\""),
                UseCases.CALLER).code());
        assertEquals(ApiErrors.INVALID_PARAMETER, refused(world.create, null, UseCases.CALLER).code());
        assertEquals(List.of(), world.jobs.jobs());
        assertEquals(List.of(), world.commands.sent());
    }

    @Test
    void anAccountTheTenantMayUseIsTheJobsAccount() {
        accepted(world.create, create(", \"Account\": \"demo-b\""), UseCases.CALLER);
        assertEquals("demo-b", world.jobs.jobs().get(0).account);
    }

    @Test
    void aDryRunAsksTheCloudsOwnDryRunAndRecordsNothing() {
        ApiException passed = refused(world.create, create(", \"DryRun\": true"), UseCases.CALLER);
        assertEquals(ApiErrors.DRY_RUN_OPERATION, passed.code());
        assertTrue(cloud().calls().get(0).dryRun());

        cloud().refuseNext(io.privatelink.provisioner.cloud.PrivateLinkClient.CREATE, "VpcNotFound", 400);
        ApiException refused = refused(world.create, create(", \"DryRun\": true"), UseCases.CALLER);
        assertEquals("VpcNotFound", refused.code(), "the cloud's own code");
        assertEquals(400, refused.httpStatus());
        cloud().refuseNext(io.privatelink.provisioner.cloud.PrivateLinkClient.CREATE, "Throttling.User", 400);
        assertEquals(503, refused(world.create, create(", \"DryRun\": true"), UseCases.CALLER).httpStatus(),
                "a retryable refusal is the service's 503");
        assertEquals(List.of(), world.jobs.jobs());
        assertEquals(List.of(), world.commands.sent());
    }

    @Test
    void aCommandTheBrokerDoesNotAcknowledgeStillAnswers202ForTheReconcilerToResend() {
        world.commands.brokerAway();
        CreateVpcEndpointResponse answer = accepted(world.create, create(""), UseCases.CALLER);
        assertEquals("Accepted", answer.jobStatus());
        assertEquals(1, world.jobs.jobs().size(), "the job is recorded: the reconciler sends its command");
    }

    @Test
    void aRequestFromTheTopicThatBreaksARuleBecomesAFailedJobWithTheRulesCode() throws Exception {
        ObjectNode broken = (ObjectNode) new ObjectMapper().readTree("{\"VpcId\": \"vpc-demo01\", \"ClientToken\": \"k-1\"}");
        world.accept.fromTopic(world.create, "vpc-endpoint.requests", broken).await().atMost(Duration.ofSeconds(5));
        VpcEndpointJob job = world.jobs.jobs().get(0);
        assertEquals(JobStatus.Failed, job.status);
        assertEquals("MissingRegionId", job.errorCode);
        assertEquals("k-1", job.clientToken);
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Failed), world.jobs.statuses(job.jobId));
        assertEquals(List.of(), world.commands.sent());
    }

    @Test
    void aValidRequestFromTheTopicIsAcceptedAsTheTopicsJob() throws Exception {
        ObjectNode request = (ObjectNode) new ObjectMapper().readTree(UseCases.CREATE.formatted(", \"ClientToken\": \"k-2\""));
        world.accept.fromTopic(world.create, "vpc-endpoint.requests", request).await().atMost(Duration.ofSeconds(5));
        VpcEndpointJob job = world.jobs.jobs().get(0);
        assertEquals(JobStatus.Accepted, job.status);
        assertEquals(Caller.topic("vpc-endpoint.requests").owner(), job.owner());
        assertEquals(1, world.commands.sent().size());
    }

    @Test
    void aRefusalOfTheServiceItselfIsNotRecordedButLeftToTheTopicsRetry() {
        ObjectNode request = new ObjectMapper().createObjectNode().put("ClientToken", "k-3");
        Uni<Void> refused = world.refusals.record(Operation.Create, "vpc-endpoint.requests", request,
                ApiErrors.serviceUnavailable());
        assertThrows(ApiException.class, () -> refused.await().atMost(Duration.ofSeconds(5)));
        assertEquals(List.of(), world.jobs.jobs());
    }

    @Test
    void aDeleteOfACreateThatHasNotReachedTheCloudCancelsItAndIsRecordedBehindIt() {
        String create = accepted(world.create, create(""), UseCases.CALLER).jobId();
        CreateVpcEndpointResponse delete = accepted(world.delete, read(world.delete, "{\"JobId\": \"" + create + "\"}"),
                UseCases.CALLER);
        VpcEndpointJob deleteJob = world.jobs.byId(delete.jobId()).await().indefinitely();
        assertEquals(JobStatus.Cancelled, world.jobs.byId(create).await().indefinitely().status);
        assertEquals(Operation.Delete, deleteJob.operation);
        assertEquals(create, deleteJob.resourceKey, "the delete acts on the create's endpoint");
        assertEquals(List.of(), cloud().calls(), "the cloud never heard of it");
    }

    @Test
    void anotherCallersJobOrEndpointIsNotFound() {
        String create = accepted(world.create, create(""), UseCases.CALLER).jobId();
        assertEquals(ApiErrors.JOB_NOT_FOUND, refused(world.delete, read(world.delete, "{\"JobId\": \"" + create + "\"}"),
                UseCases.OTHER_CALLER).code());
        assertEquals(ApiErrors.ENDPOINT_NOT_FOUND, refused(world.delete, read(world.delete,
                "{\"EndpointId\": \"ep-nobody\"}"), UseCases.CALLER).code());
        assertEquals(1, world.jobs.jobs().size());
        assertEquals(JobStatus.Accepted, world.jobs.jobs().get(0).status, "nothing of the caller's was touched");
    }

    @Test
    void anOperationsHeldClientTokenAnswersBeforeItsEndpointIsLookedUpAgain() {
        String create = accepted(world.create, create(""), UseCases.CALLER).jobId();
        String body = "{\"JobId\": \"" + create + "\", \"ClientToken\": \"d-1\"}";
        String delete = accepted(world.delete, read(world.delete, body), UseCases.CALLER).jobId();
        assertEquals(delete, accepted(world.delete, read(world.delete, body), UseCases.CALLER).jobId());
        ApiException mismatch = refused(world.delete, read(world.delete, "{\"EndpointId\": \"ep-x\", \"ClientToken\": "
                + "\"d-1\"}"), UseCases.CALLER);
        assertEquals(ApiErrors.IDEMPOTENCE_SIGNATURE_MISMATCH, mismatch.code());
    }

    @Test
    void anAdoptionNeedsAnEndpointThereThatNoJobManages() {
        String there = cloud().madeElsewhere();
        assertEquals(ApiErrors.DRY_RUN_OPERATION, refused(world.adopt, read(world.adopt, "{\"RegionId\": "
                + "\"cn-hangzhou\", \"EndpointId\": \"" + there + "\", \"DryRun\": true}"), UseCases.CALLER).code());
        assertEquals(ApiErrors.ENDPOINT_NOT_FOUND, refused(world.adopt, read(world.adopt, "{\"RegionId\": "
                + "\"cn-hangzhou\", \"EndpointId\": \"ep-missing\", \"DryRun\": true}"), UseCases.CALLER).code());
        CreateVpcEndpointResponse adopted = accepted(world.adopt, read(world.adopt, "{\"RegionId\": \"cn-hangzhou\", "
                + "\"EndpointId\": \"" + there + "\", \"Account\": \"demo-a\"}"), UseCases.CALLER);
        VpcEndpointJob job = world.jobs.byId(adopted.jobId()).await().indefinitely();
        assertEquals(Operation.Adopt, job.operation);
        assertEquals(there, job.endpointId);
        assertEquals("demo-a", job.account);
        assertNull(job.resourceKey, "it is no endpoint of the service's yet");
    }
}
