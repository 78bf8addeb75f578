package io.privatelink.provisioner.stack;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.Operations;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Many accounts on the real stack: the simulator's two accounts (demo-a with the service's own key, demo-b through
 * its STS role) and one whose role cannot be assumed; the tenant "demo" may use all three, a caller without a tenant
 * only the default.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class AccountsTest {

    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String DEMO_A = "1234567890123456";
    static final String DEMO_B = "2345678901234567";

    static RequestSpecification demo() {
        return Callers.bearer(Callers.token("demo-caller", LocalIssuer.TENANT, "provisioner"));
    }

    static String inB(String vpcId, String clientToken, String account) {
        return """
                {"RegionId": "cn-hangzhou", "VpcId": "%s", "ServiceId": "epsrv-demob01", "SecurityGroupId": ["sg-demob01"],
                 "Zone": [{"VSwitchId": "vsw-demob01h", "ZoneId": "cn-hangzhou-h"}], "ClientToken": "%s"%s}"""
                .formatted(vpcId, clientToken, account == null ? "" : ", \"Account\": \"" + account + "\"");
    }

    static Response create(RequestSpecification caller, String body) {
        return caller.contentType(ContentType.JSON).body(body).post("/CreateVpcEndpoint");
    }

    static JsonPath await(String jobId, String status) {
        org.awaitility.Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(
                () -> status.equals(Bodies.text(demo().get("/GetVpcEndpointJob?JobId=" + jobId), "JobStatus")));
        return demo().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath();
    }

    @Test
    void jobsOfOneTenantInTwoAccountsLandInEachAccountsOwnResources() {
        String inA = create(demo(), io.privatelink.provisioner.fixtures.Jobs.request("vpc-demo01",
                UUID.randomUUID().toString())).then().statusCode(202).extract().path("JobId");
        String inBJob = create(demo(), inB("vpc-demob01", UUID.randomUUID().toString(), "demo-b")).then()
                .statusCode(202).extract().path("JobId");
        JsonPath a = await(inA, "Active");
        JsonPath b = await(inBJob, "Active");
        assertEquals("demo-a", a.getString("Account"));
        assertEquals("demo-b", b.getString("Account"));
        var simulator = LocalStackResource.stack().simulator();
        assertEquals(DEMO_A, simulator.accountOf(a.getString("Endpoint.EndpointId")).orElseThrow());
        assertEquals(DEMO_B, simulator.accountOf(b.getString("Endpoint.EndpointId")).orElseThrow());

        // demo-a's VPC does not exist in demo-b.
        String wrong = create(demo(), inB("vpc-demo01", UUID.randomUUID().toString(), "demo-b")).then()
                .statusCode(202).extract().path("JobId");
        assertEquals("VpcNotFound", await(wrong, "Failed").getString("Error.Code"));

        // Operations act in the endpoint's own account.
        String endpointB = b.getString("Endpoint.EndpointId");
        String delete = demo().contentType(ContentType.JSON).body("{\"EndpointId\": \"" + endpointB + "\"}")
                .post("/DeleteVpcEndpoint").then().statusCode(202).extract().path("JobId");
        assertEquals("demo-b", await(delete, "Deleted").getString("Account"));
        assertTrue(simulator.accountOf(endpointB).isEmpty());
    }

    @Test
    void aClientTokenIsScopedPerAccount() {
        String token = UUID.randomUUID().toString();
        String inA = create(demo(), io.privatelink.provisioner.fixtures.Jobs.request("vpc-demo01", token)).then()
                .statusCode(202).extract().path("JobId");
        String inBJob = create(demo(), inB("vpc-demob01", token, "demo-b")).then().statusCode(202).extract()
                .path("JobId");
        assertTrue(!inA.equals(inBJob), "the same token in another account is another job");
        // A retry in either account answers that account's job.
        create(demo(), inB("vpc-demob01", token, "demo-b")).then().statusCode(202).body("JobId", equalTo(inBJob));
        create(demo(), io.privatelink.provisioner.fixtures.Jobs.request("vpc-demo01", token)).then().statusCode(202)
                .body("JobId", equalTo(inA));
        demo().get("/GetVpcEndpointJob?ClientToken=" + token + "&Account=demo-b").then().statusCode(200)
                .body("JobId", equalTo(inBJob));
        demo().get("/GetVpcEndpointJob?ClientToken=" + token + "&Account=demo-a").then().statusCode(200)
                .body("JobId", equalTo(inA));
        demo().get("/GetVpcEndpointJob?ClientToken=" + token + "&Account=paced-a").then().statusCode(404)
                .body("Code", equalTo("JobNotFound"));
        demo().get("/GetVpcEndpointJob?ClientToken=" + token + "&Account=no%20such").then().statusCode(400)
                .body("Code", equalTo("IllegalParam.Account"));
        await(inA, "Active");
        await(inBJob, "Active");
    }

    static String inA(String account) {
        String request = io.privatelink.provisioner.fixtures.Jobs.request("vpc-demo01", UUID.randomUUID().toString());
        return request.substring(0, request.lastIndexOf('}')) + ", \"Account\": \"" + account + "\"}";
    }

    @Test
    void credentialsAreRenewedWhenTheyExpireDuringADrain() {
        // paced-a takes PACED_CREATES_PER_SECOND creates a second: its credentials expire while the burst drains.
        List<String> jobs = IntStream.range(0, 12).mapToObj(i -> create(demo(), inA("paced-a")).then().statusCode(202)
                .extract().<String> path("JobId")).toList();
        var simulator = LocalStackResource.stack().simulator();
        org.awaitility.Awaitility.await().atMost(WITHIN).until(() -> Bodies.text(demo().get("/GetVpcEndpointJob?JobId="
                + jobs.get(0)), "Endpoint.EndpointId") != null);
        int issued = simulator.issuedSecrets().size();
        simulator.expireCredentials();
        // More of the burst after the expiry: the drain may otherwise have made its last call before it.
        List<String> after = IntStream.range(0, 4).mapToObj(i -> create(demo(), inA("paced-a")).then().statusCode(202)
                .extract().<String> path("JobId")).toList();
        jobs.forEach(job -> await(job, "Active"));
        after.forEach(job -> await(job, "Active"));
        assertTrue(simulator.issuedSecrets().size() > issued, "the role was assumed again");
    }

    @Test
    void stsThrottledIsRetriedAndTheJobStillReachesActive() {
        var simulator = LocalStackResource.stack().simulator();
        // Every role must be assumed again, and STS throttles the next three AssumeRole calls.
        simulator.expireCredentials();
        simulator.faults(new io.privatelink.simulator.Faults(null, null, null, null, null, null, null, null, null, null,
                List.of(new io.privatelink.simulator.Faults.Forced("AssumeRole", "Throttling.User", 3))));
        try {
            String job = create(demo(), inB("vpc-demob01", UUID.randomUUID().toString(), "demo-b")).then()
                    .statusCode(202).extract().path("JobId");
            JsonPath active = await(job, "Active");
            assertTrue(active.getList("History.Detail").stream().anyMatch(d -> String.valueOf(d).contains("Throttling")),
                    "the throttled AssumeRole was retried: " + active.getList("History.Detail"));
        } finally {
            simulator.faults(io.privatelink.simulator.Faults.none());
        }
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedFailsOnlyItsOwnJobs() {
        String broken = create(demo(), inA("broken"))
                .then().statusCode(202).extract().path("JobId");
        String fine = create(demo(), inB("vpc-demob01", UUID.randomUUID().toString(), "demo-b")).then()
                .statusCode(202).extract().path("JobId");
        JsonPath failed = await(broken, "Failed");
        assertEquals("NoPermission", failed.getString("Error.Code"));
        assertEquals("Active", await(fine, "Active").getString("JobStatus"));
    }

    @Test
    void anAccountTheTenantMayNotUseOrThatDoesNotExistIsRefusedAndNothingIsRecorded() {
        String token = UUID.randomUUID().toString();
        create(Callers.provisioner(), inB("vpc-demob01", token, "demo-b")).then().statusCode(403)
                .body("Code", equalTo("Forbidden.Account"));
        create(demo(), inB("vpc-demob01", token, "nowhere")).then().statusCode(400)
                .body("Code", equalTo("IllegalParam.Account"));
        create(demo(), inB("vpc-demob01", token, "not an account!")).then().statusCode(400)
                .body("Code", equalTo("IllegalParam.Account"));
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
        // Without an Account, a caller's request acts in its tenant's default (demo-a here).
        String defaulted = create(Callers.provisioner(), io.privatelink.provisioner.fixtures.Jobs.request("vpc-demo01",
                UUID.randomUUID().toString())).then().statusCode(202).extract().path("JobId");
        assertEquals("demo-a", Operations.job(defaulted).getString("Account"));
    }
}
