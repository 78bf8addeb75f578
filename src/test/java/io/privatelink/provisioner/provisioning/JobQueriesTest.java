package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.GetVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.ListVpcEndpointJobsRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;

/**
 * Where jobs stand, over the in-memory record: one job by JobId or ClientToken for its caller only, and every
 * parameter refused in the API's shape before the record is read. (A page of jobs is read by the database's own
 * query: ListJobsTest.)
 */
class JobQueriesTest extends UseCaseTest {

    /** Listing reads the database directly; only its refusals, which come before, are tested here. */
    final JobQueries queries = new JobQueries(world.jobs, null, world.context, world.views);

    JobView get(Caller caller, Consumer<GetVpcEndpointJobRequest> request) {
        GetVpcEndpointJobRequest r = new GetVpcEndpointJobRequest();
        request.accept(r);
        return queries.get(caller, r).await().atMost(Duration.ofSeconds(5));
    }

    String refusal(Caller caller, Consumer<GetVpcEndpointJobRequest> request) {
        return assertThrows(ApiException.class, () -> get(caller, request)).code();
    }

    @Test
    void aJobIsFoundByItsJobIdOrItsClientTokenWithItsHistory() {
        String jobId = world.acceptedCreate();
        JobView byId = get(UseCases.CALLER, r -> r.setJobId(jobId));
        assertEquals(jobId, byId.jobId());
        assertEquals("Accepted", byId.jobStatus());
        assertEquals(1, byId.history().size());
        String clientToken = job(jobId).clientToken;
        assertEquals(jobId, get(UseCases.CALLER, r -> r.setClientToken(clientToken)).jobId());
    }

    @Test
    void anotherCallersJobAnswersAsIfItDidNotExist() {
        String jobId = world.acceptedCreate();
        String clientToken = job(jobId).clientToken;
        assertEquals(ApiErrors.JOB_NOT_FOUND, refusal(UseCases.OTHER_CALLER, r -> r.setJobId(jobId)));
        assertEquals(ApiErrors.JOB_NOT_FOUND, refusal(UseCases.OTHER_CALLER, r -> r.setClientToken(clientToken)));
        assertEquals(ApiErrors.JOB_NOT_FOUND, refusal(UseCases.CALLER, r -> r.setJobId("job-unknown")));
    }

    @Test
    void badParametersOfAGetAreRefusedBeforeTheRecordIsRead() {
        assertEquals("MissingJobId", refusal(UseCases.CALLER, r -> { }));
        assertEquals(ApiErrors.ILLEGAL_JOB_ID, refusal(UseCases.CALLER, r -> r.setJobId("job id with spaces")));
        assertEquals(ApiErrors.ILLEGAL_CLIENT_TOKEN, refusal(UseCases.CALLER, r -> r.setClientToken("x".repeat(65))));
        assertEquals(ApiErrors.ILLEGAL_ACCOUNT, refusal(UseCases.CALLER, r -> {
            r.setClientToken("a-token");
            r.setAccount("not an account");
        }));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "JobStatus, Unknown, IllegalParam.JobStatus",
        "VpcId, vpc id, IllegalParam.VpcId",
        "RegionId, cn hangzhou, IllegalParam.RegionId",
        "Code, 'not a code!', IllegalParam.Code",
        "CreatedAfter, yesterday, IllegalParam.CreatedAfter",
        "CreatedBefore, 2026-13-01, IllegalParam.CreatedBefore",
        "MaxResults, 101, IllegalParam.MaxResults",
        "NextToken, not-a-token, IllegalParam.NextToken"})
    void eachBadParameterOfAListIsRefusedWithItsCode(String parameter, String value, String code) {
        ListVpcEndpointJobsRequest r = new ListVpcEndpointJobsRequest();
        switch (parameter) {
            case "JobStatus" -> r.setJobStatus(value);
            case "VpcId" -> r.setVpcId(value);
            case "RegionId" -> r.setRegionId(value);
            case "Code" -> r.setCode(value);
            case "CreatedAfter" -> r.setCreatedAfter(value);
            case "CreatedBefore" -> r.setCreatedBefore(value);
            case "MaxResults" -> r.setMaxResults(value);
            default -> r.setNextToken(value);
        }
        assertEquals(code, assertThrows(ApiException.class,
                () -> queries.list(UseCases.CALLER, r).await().atMost(Duration.ofSeconds(5))).code());
    }
}
