package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.fixtures.ApiInstanceProcess;
import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The production artifact as the functions' manifests run an API instance (no consumer, no reconciler, the ORM
 * inactive; ApiInstanceProcess, started with the stack) beside this suite's service as its worker: an endpoint's and a
 * service's whole life, a cancel and the owner's decision on a connection are answered by it. A path of its that
 * reached the ORM would fail, the ORM being inactive there.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class ApiInstanceTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @BeforeAll
    static void awaitTheApiInstance() {
        assertEquals("false", ApiInstanceProcess.config().get("quarkus.hibernate-orm.active"),
                "an API instance runs without the ORM");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> caller().get("/q/health/ready").statusCode() == 200);
    }

    private static RequestSpecification caller() {
        return as(Callers.token("api-instance", LocalIssuer.TENANT, "provisioner", "publisher"));
    }

    private static RequestSpecification as(String token) {
        return Callers.bearer(token).baseUri("http://127.0.0.1").port(ApiInstanceProcess.port());
    }

    private static Response post(String function, String body) {
        return caller().contentType(ContentType.JSON).body(body).post("/" + function);
    }

    private static String accepted(String function, String body) {
        Response answer = post(function, body);
        assertEquals(202, answer.statusCode(), function + ": " + answer.asString());
        return Bodies.jobId(answer);
    }

    private static JsonPath awaitJob(String jobId, String status) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(
                () -> status.equals(Bodies.text(caller().get("/GetVpcEndpointJob?JobId=" + jobId), "JobStatus")));
        return caller().get("/GetVpcEndpointJob?JobId=" + jobId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEndpointIsCreatedFoundListedUpdatedAndDeletedThroughIt() {
        String token = UUID.randomUUID().toString();
        String create = accepted("CreateVpcEndpoint", Jobs.request("vpc-demo01", token));
        String endpointId = awaitJob(create, "Active").getString("Endpoint.EndpointId");
        caller().get("/GetVpcEndpointJob?ClientToken=" + token).then().statusCode(200).body("JobId", equalTo(create));
        caller().get("/ListVpcEndpointJobs?MaxResults=5").then().statusCode(200).body("Jobs.JobId", hasItem(create));
        caller().get("/GetVpcEndpoint?EndpointId=" + endpointId).then().statusCode(200)
                .body("Status", equalTo("Active"));
        caller().get("/ListVpcEndpoints?Status=Active").then().statusCode(200)
                .body("Endpoints.EndpointId", hasItem(endpointId));

        awaitJob(accepted("UpdateVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"EndpointName\": \"renamed\"}"),
                "Updated");
        caller().get("/GetVpcEndpoint?EndpointId=" + endpointId).then().statusCode(200)
                .body("Desired.EndpointName", equalTo("renamed"));
        awaitJob(accepted("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\"}"), "Deleted");
        caller().get("/GetVpcEndpoint?EndpointId=" + endpointId).then().statusCode(200)
                .body("Status", equalTo("Deleted"));
        post("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\"}").then().statusCode(404);
        as(Callers.token("someone-else", "another-team", "provisioner"))
                .get("/GetVpcEndpointJob?JobId=" + create).then().statusCode(404);
    }

    @Test
    void aCancelLocksAndMovesTheJobOrSaysItReachedTheCloud() {
        String create = accepted("CreateVpcEndpoint", Jobs.request("vpc-demo01", UUID.randomUUID().toString()));
        Response cancel = post("CancelVpcEndpointJob", "{\"JobId\": \"" + create + "\"}");
        // The worker may have begun the job first: then it is refused, as the job's status says.
        if (cancel.statusCode() == 200) {
            assertEquals("Cancelled", cancel.jsonPath().getString("JobStatus"));
            assertEquals("Cancelled", awaitJob(create, "Cancelled").getString("History[-1].JobStatus"));
        } else {
            assertEquals(400, cancel.statusCode(), cancel.asString());
            assertEquals(ApiErrors.JOB_REACHED_CLOUD, cancel.jsonPath().getString("Code"));
            awaitJob(create, "Active");
        }
    }

    @Test
    void aServiceIsCreatedReadChangedAndDeletedAndAConnectionDecidedThroughIt() {
        String create = accepted("CreateVpcEndpointService", """
                {"RegionId": "cn-hangzhou", "Resource": [{"ResourceId": "lb-%s", "ResourceType": "slb"}],
                 "ServiceDescription": "orders"}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        String serviceId = awaitJob(create, "Active").getString("Service.ServiceId");
        caller().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(200)
                .body("Status", equalTo("Active"));
        caller().get("/ListVpcEndpointServices").then().statusCode(200)
                .body("Services.ServiceId", hasItem(serviceId));
        String decision = """
                {"RegionId": "cn-hangzhou", "ServiceId": "%s", "EndpointId": "ep-none"}""".formatted(serviceId);
        post("AcceptVpcEndpointConnection", decision).then().statusCode(404)
                .body("Code", equalTo(ApiErrors.CONNECTION_NOT_FOUND));
        as(Callers.token("stranger", "another-team", "publisher")).contentType(ContentType.JSON).body(decision)
                .post("/RejectVpcEndpointConnection").then().statusCode(404)
                .body("Code", equalTo(ApiErrors.SERVICE_NOT_FOUND));
        awaitJob(accepted("UpdateVpcEndpointService", """
                {"ServiceId": "%s", "ServiceDescription": "orders v2"}""".formatted(serviceId)), "Updated");
        caller().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(200)
                .body("Observed.ServiceDescription", equalTo("orders v2"));
        awaitJob(accepted("DeleteVpcEndpointService", "{\"ServiceId\": \"" + serviceId + "\"}"), "Deleted");
        caller().get("/ListVpcEndpointServices?Status=Deleted").then().statusCode(200)
                .body("Services.ServiceId", hasItem(serviceId));
    }
}
