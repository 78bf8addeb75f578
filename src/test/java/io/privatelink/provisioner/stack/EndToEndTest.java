package io.privatelink.provisioner.stack;

import static io.privatelink.provisioner.fixtures.Jobs.create;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class EndToEndTest {

    @Test
    void anAcceptedRequestBecomesAnActiveEndpoint() {
        String token = UUID.randomUUID().toString();
        Response accepted = create(Jobs.request("vpc-demo01", token));
        accepted.then().statusCode(202)
                .header("Location", startsWith("/GetVpcEndpointJob?JobId="))
                .header("Retry-After", notNullValue())
                .body("JobStatus", equalTo("Accepted"))
                .body("ClientToken", equalTo(token))
                .body("RequestId", notNullValue());
        String jobId = accepted.jsonPath().getString("JobId");
        assertEquals("/GetVpcEndpointJob?JobId=" + jobId, accepted.header("Location"));
        assertEquals(accepted.header("Location"), accepted.jsonPath().getString("StatusUrl"));

        JsonPath job = Jobs.awaitStatus(jobId, "Active");
        assertEquals(token, job.getString("ClientToken"));
        String endpointId = job.getString("Endpoint.EndpointId");
        assertEquals(true, endpointId.matches("ep-[a-z0-9]{20}"), endpointId);
        assertEquals(endpointId + ".epsrv-demo01.cn-hangzhou.privatelink.aliyuncs.com",
                job.getString("Endpoint.EndpointDomain"));
        assertEquals("Active", job.getString("Endpoint.EndpointStatus"));
        assertEquals("vpc-demo01", job.getString("Request.VpcId"));
        assertEquals(java.util.List.of("Accepted", "Provisioning", "Creating", "Active"),
                job.getList("History.JobStatus"));
        assertNull(job.get("Error"));
        assertEquals(1, LocalStackResource.stack().simulator().endpointsCreatedWith(jobId),
                "the cloud calls carry the JobId as their ClientToken");
    }

    @Test
    void theSameClientTokenTwiceIsOneJobAndOneEndpoint() {
        String token = UUID.randomUUID().toString();
        String first = create(Jobs.request("vpc-demo01", token)).then().statusCode(202).extract().path("JobId");
        String second = create(Jobs.request("vpc-demo01", token)).then().statusCode(202).extract().path("JobId");
        assertEquals(first, second);
        Jobs.awaitStatus(first, "Active");
        create(Jobs.request("vpc-demo01", token)).then().statusCode(202)
                .body("JobId", equalTo(first)).body("JobStatus", equalTo("Active"));
        assertEquals(1, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
        assertEquals(1, LocalStackResource.stack().simulator().endpointsCreatedWith(first));
    }

    @Test
    void theSameClientTokenWithOtherParametersIsRefused() {
        String token = UUID.randomUUID().toString();
        create(Jobs.request("vpc-demo01", token)).then().statusCode(202);
        create(Jobs.request("vpc-other", token)).then().statusCode(400)
                .body("Code", equalTo("IdempotenceSignatureMismatch"));
    }

    @Test
    void anUnknownVpcFailsWithTheCloudsCodeAndMessage() {
        String token = UUID.randomUUID().toString();
        String jobId = create(Jobs.request("vpc-missing", token)).then().statusCode(202).extract().path("JobId");
        JsonPath job = Jobs.awaitStatus(jobId, "Failed");
        assertEquals("VpcNotFound", job.getString("Error.Code"));
        assertEquals("The specified VPC does not exist.", job.getString("Error.Message"));
        assertNull(job.get("Endpoint"));
        assertEquals(0, LocalStackResource.stack().simulator().endpointsCreatedWith(jobId));
    }

    @Test
    void aMissingVpcIdIsRefusedAndNothingIsRecorded() {
        String token = UUID.randomUUID().toString();
        Jobs.create("""
                {"RegionId": "cn-hangzhou", "ServiceId": "epsrv-demo01", "ClientToken": "%s"}""".formatted(token))
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("Code", equalTo("MissingVpcId"))
                .body("Message", notNullValue())
                .body("RequestId", matchesPattern("[0-9A-F-]{36}"));
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
    }

    @Test
    void anUnknownJobIsNotFound() {
        Callers.provisioner().get("/GetVpcEndpointJob?JobId=job-does-not-exist").then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("Code", equalTo("JobNotFound"));
    }

    @Test
    void aJobCanBeFoundByItsClientToken() {
        String token = UUID.randomUUID().toString();
        String jobId = create(Jobs.request("vpc-demo01", token)).then().statusCode(202).extract().path("JobId");
        Callers.provisioner().get("/GetVpcEndpointJob?ClientToken=" + token).then().statusCode(200).body("JobId", equalTo(jobId));
        Callers.provisioner().contentType(ContentType.JSON).body("{\"JobId\": \"" + jobId + "\"}").post("/GetVpcEndpointJob")
                .then().statusCode(200).body("JobId", equalTo(jobId));
    }
}
