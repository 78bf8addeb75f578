package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.aliyuncs.CommonRequest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Events;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.Operations;
import io.privatelink.provisioner.fixtures.SimulatorRequests;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Done means traffic can flow, on the real stack: a create to a service that does not accept connections by itself
 * waits in AwaitingAcceptance until the service's owner accepts (Active, Connected) or refuses it (Failed), or until
 * its AcceptanceDeadline; a request for the endpoint alone ends at Active; across accounts; a connection dropped later
 * is noticed by the drift watch.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class ConnectionsTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A create to the seed's service that does not auto-accept, with these extra fields. */
    private static String toManualService(String extra) {
        String request = Jobs.request("vpc-demo01", UUID.randomUUID().toString()).replace("epsrv-demo01",
                "epsrv-manual01");
        return request.substring(0, request.lastIndexOf('}')) + extra + "}";
    }

    private static String endpointOf(String jobId) {
        return Operations.job(jobId).getString("Endpoint.EndpointId");
    }

    @Test
    void aCreateWaitsForTheOwnersDecisionAndEndsAsTheOwnerDecides() throws Exception {
        String serviceId = serviceOfItsOwn();
        String orphaned = Bodies.jobId(Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString())
                .replace("epsrv-demo01", serviceId)));
        String accepted = Bodies.jobId(Jobs.create(toManualService("")));
        String refused = Bodies.jobId(Jobs.create(toManualService("")));
        String unanswered = Bodies.jobId(Jobs.create(toManualService(", \"AcceptanceDeadline\": 10")));
        String endpointOnly = Bodies.jobId(Jobs.create(toManualService(", \"WaitFor\": \"Endpoint\"")));

        JsonPath alone = Operations.awaitStatus(endpointOnly, "Active", WITHIN);
        assertEquals("Disconnected", alone.getString("Endpoint.ConnectionStatus"), "not waited for");
        assertEquals("Endpoint", alone.getString("Request.WaitFor"));

        for (String jobId : List.of(accepted, refused, unanswered, orphaned)) {
            JsonPath waiting = Operations.awaitStatus(jobId, "AwaitingAcceptance", WITHIN);
            assertEquals("Active", waiting.getString("Endpoint.EndpointStatus"));
            assertEquals("Disconnected", waiting.getString("Endpoint.ConnectionStatus"));
            assertEquals(List.of("Wait"), waiting.getList("Endpoint.Zones.ZoneStatus"));
            assertTrue(waiting.getString("NextAttemptAt") != null, "a next look is planned");
        }
        LocalStackResource.stack().simulator().decideConnection(endpointOf(accepted), true).orElseThrow();
        LocalStackResource.stack().simulator().decideConnection(endpointOf(refused), false).orElseThrow();
        assertTrue(LocalStackResource.stack().simulator().deleteServiceOutOfBand(serviceId), "its service deleted");

        JsonPath done = Operations.awaitStatus(accepted, "Active", WITHIN);
        assertEquals("Connected", done.getString("Endpoint.ConnectionStatus"));
        assertEquals(List.of("Connected"), done.getList("Endpoint.Zones.ZoneStatus"));
        assertEquals(List.of("Accepted", "Provisioning", "Creating", "AwaitingAcceptance", "Active"),
                done.getList("History.JobStatus"));
        Callers.provisioner().get("/GetVpcEndpoint?EndpointId=" + endpointOf(accepted)).then().statusCode(200)
                .body("Observed.ConnectionStatus", equalTo("Connected"));

        JsonPath failed = Operations.awaitStatus(refused, "Failed", WITHIN);
        assertEquals("ConnectionRejected", failed.getString("Error.Code"));
        assertTrue(List.of("Disconnecting", "Disconnected").contains(failed.getString("Endpoint.ConnectionStatus")),
                "as last seen: " + failed.getString("Endpoint.ConnectionStatus"));
        // Its ten seconds' wait spent at once: the job entered AwaitingAcceptance ten seconds earlier, as recorded.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(300)).until(() -> TestDatabase.update(
                "update vpc_endpoint_job set updated_at = now() - interval '10 seconds', next_attempt_at = now() "
                        + "where job_id = ? and status = 'AwaitingAcceptance'", unanswered) == 0);
        JsonPath timedOut = Operations.awaitStatus(unanswered, "Failed", WITHIN);
        assertEquals("AcceptanceTimeout", timedOut.getString("Error.Code"));

        JsonPath gone = Operations.awaitStatus(orphaned, "Failed", WITHIN);
        assertEquals("EndpointServiceDeleted", gone.getString("Error.Code"));
        assertEquals("ServiceDeleted", gone.getString("Endpoint.ConnectionStatus"), "as last seen");

        // Later the owner disables the accepted connection: the drift watch notices.
        String endpointId = endpointOf(accepted);
        LocalStackResource.stack().simulator().decideConnection(endpointId, false).orElseThrow();
        await().atMost(WITHIN).until(() -> "Disconnected".equals(Operations.inCloud(endpointId).orElseThrow()
                .get("ConnectionStatus")));
        assertEquals(1, TestDatabase.update("update managed_endpoint set next_observe_at = now() where endpoint_id = ?",
                endpointId));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> "Disconnected".equals(Bodies.json(
                Callers.provisioner().get("/GetVpcEndpoint?EndpointId=" + endpointId)).path("Observed")
                .path("ConnectionStatus").asText()));

        List<String> kinds = Events.kinds(List.of(accepted, refused, endpointId), seen -> seen.containsAll(List.of(
                "privatelink.vpc-endpoint.job.awaitingacceptance " + accepted,
                "privatelink.vpc-endpoint.job.active " + accepted,
                "privatelink.vpc-endpoint.job.failed " + refused,
                "privatelink.vpc-endpoint.connection-changed " + endpointId)));
        assertTrue(kinds.contains("privatelink.vpc-endpoint.job.awaitingacceptance " + refused), kinds.toString());
    }

    /** A service that does not accept by itself, made as its owner's code would: deleting it touches no other test. */
    private static String serviceOfItsOwn() throws Exception {
        int port = LocalStackResource.stack().simulator().port();
        CommonRequest made = SimulatorRequests.base(port, "CreateVpcEndpointService");
        made.putQueryParameter("Resource.1.ResourceId", "lb-" + UUID.randomUUID().toString().substring(0, 8));
        made.putQueryParameter("Resource.1.ResourceType", "slb");
        String serviceId = JSON.readTree(SimulatorRequests.client().getCommonResponse(made).getData())
                .get("ServiceId").asText();
        CommonRequest get = SimulatorRequests.base(port, "GetVpcEndpointServiceAttribute");
        get.putQueryParameter("ServiceId", serviceId);
        await().atMost(WITHIN).until(() -> "Active".equals(JSON.readTree(SimulatorRequests.client()
                .getCommonResponse(get).getData()).get("ServiceStatus").asText()));
        return serviceId;
    }

    /** The tests' service owner: a publisher of the tenant whose default account (demo-a) owns the services. */
    private static RequestSpecification owner() {
        return Callers.bearer(Callers.token("service-owner", LocalIssuer.TENANT, "publisher"));
    }

    private static Response decide(String function, String body) {
        return owner().contentType(ContentType.JSON).body(body).post("/" + function);
    }

    private static String decision(String serviceId, String endpointId, String extra) {
        return """
                {"RegionId": "cn-hangzhou", "ServiceId": "%s", "EndpointId": "%s"%s}""".formatted(serviceId,
                endpointId, extra);
    }

    private static JsonPath awaitDecision(String jobId, String status) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> status.equals(Bodies.text(
                owner().get("/GetVpcEndpointJob?JobId=" + jobId), "JobStatus")));
        return owner().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath();
    }

    @Test
    void anEndpointInOneAccountConnectsOnceTheOtherAccountsOwnerAcceptsThroughThisService() {
        String request = """
                {"RegionId": "cn-hangzhou", "VpcId": "vpc-demob01", "ServiceId": "epsrv-shared01",
                 "SecurityGroupId": ["sg-demob01"], "Zone": [{"VSwitchId": "vsw-demob01h", "ZoneId": "cn-hangzhou-h"}],
                 "ClientToken": "%s", "Account": "demo-b"}""".formatted(UUID.randomUUID());
        String jobId = Bodies.jobId(AccountsTest.create(AccountsTest.demo(), request));
        AccountsTest.await(jobId, "AwaitingAcceptance");
        String endpointId = AccountsTest.demo().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath()
                .getString("Endpoint.EndpointId");
        assertEquals(AccountsTest.DEMO_B, LocalStackResource.stack().simulator().accountOf(endpointId).orElseThrow());

        String body = decision("epsrv-shared01", endpointId, ", \"Bandwidth\": 2048, \"Reason\": \"ticket 4711\"");
        decide("AcceptVpcEndpointConnection", body.replace("}", ", \"DryRun\": true}")).then().statusCode(400)
                .body("Code", equalTo("DryRunOperation"));
        String accept = Bodies.jobId(decide("AcceptVpcEndpointConnection", body));
        JsonPath accepted = awaitDecision(accept, "Connected");
        assertEquals(List.of("Accepted", "Accepting", "Accepting", "Connected"), accepted.getList("History.JobStatus"));
        assertTrue(accepted.getString("History[1].Detail").endsWith("decided by service-owner: ticket 4711"),
                accepted.getString("History[1].Detail"));
        assertEquals("demo-a", accepted.getString("Account"));
        JsonPath consumer = AccountsTest.await(jobId, "Active");
        assertEquals("Connected", consumer.getString("Endpoint.ConnectionStatus"));
        assertEquals(2048, consumer.getInt("Endpoint.Bandwidth"), "the bandwidth the owner gave");
    }

    @Test
    void decisionsAreThePublishersOnTheirAccountsServicesAndAnAcceptAndARejectAtOnceRunOneAfterTheOther() {
        String create = Bodies.jobId(Jobs.create(toManualService("")));
        Operations.awaitStatus(create, "AwaitingAcceptance", WITHIN);
        String endpointId = endpointOf(create);
        Operations.post("AcceptVpcEndpointConnection", decision("epsrv-manual01", endpointId, "")).then()
                .statusCode(403).body("Code", equalTo("Forbidden.Role"));
        decide("AcceptVpcEndpointConnection", decision("epsrv-nosuch01", endpointId, "")).then().statusCode(404)
                .body("Code", equalTo("EndpointServiceNotFound"));
        decide("AcceptVpcEndpointConnection", decision("epsrv-demo01", endpointId, "")).then().statusCode(404)
                .body("Code", equalTo("EndpointConnectionNotFound"));
        for (String[] bad : List.of(new String[] {"AcceptVpcEndpointConnection", ", \"Bandwidth\": 99",
                "IllegalParam.Bandwidth"},
                new String[] {"RejectVpcEndpointConnection", ", \"Bandwidth\": 200", "IllegalParam.Bandwidth"},
                new String[] {"RejectVpcEndpointConnection", ", \"Reason\": \"a\\u0007b\"", "IllegalParam.Reason"},
                new String[] {"RejectVpcEndpointConnection", ", \"Why\": \"x\"", "InvalidParameter"},
                new String[] {"AcceptVpcEndpointConnection", ", \"Bandwidth\": \"lots\"", "InvalidParameter"})) {
            decide(bad[0], decision("epsrv-manual01", endpointId, bad[1])).then().statusCode(400)
                    .body("Code", equalTo(bad[2]));
        }
        decide("RejectVpcEndpointConnection", "{\"RegionId\": \"cn-hangzhou\", \"EndpointId\": \"" + endpointId
                + "\"}").then().statusCode(400).body("Code", equalTo("MissingServiceId"));
        assertEquals("AwaitingAcceptance", Operations.job(create).getString("JobStatus"), "nothing was decided");

        String accept = Bodies.jobId(decide("AcceptVpcEndpointConnection", decision("epsrv-manual01", endpointId, "")));
        String reject = Bodies.jobId(decide("RejectVpcEndpointConnection", decision("epsrv-manual01", endpointId,
                ", \"Reason\": \"changed my mind\"")));
        JsonPath accepted = awaitDecision(accept, "Connected");
        JsonPath rejected = awaitDecision(reject, "Disconnected");
        // One after the other: the rejection queued behind the acceptance, or (its command later) started after it.
        java.time.Instant acceptEnded = java.time.Instant.parse(accepted.getString("History[-1].At"));
        java.time.Instant rejectStarted = java.time.Instant.parse(rejected.getString(
                "History.find { it.JobStatus == 'Rejecting' }.At"));
        assertTrue("Queued".equals(rejected.getString("History[1].JobStatus")) || !rejectStarted.isBefore(acceptEnded),
                rejected.prettify());
        // The consumer's job ends as its looks found the connection: Connected for a moment, or already refused.
        await().atMost(WITHIN).until(() -> List.of("Active", "Failed").contains(Jobs.statusOf(create)));
        JsonPath consumer = Operations.job(create);
        assertTrue("Active".equals(consumer.getString("JobStatus"))
                || "ConnectionRejected".equals(consumer.getString("Error.Code")), consumer.prettify());
        assertEquals("Disconnected", Operations.inCloud(endpointId).orElseThrow().get("ConnectionStatus"));
    }

    @Test
    void waitForAndAcceptanceDeadlineAreHeldToTheirForms() {
        for (String[] bad : List.of(new String[] {", \"WaitFor\": \"Forever\"", "IllegalParam.WaitFor"},
                new String[] {", \"WaitFor\": 1", "InvalidParameter"},
                new String[] {", \"AcceptanceDeadline\": 9", "IllegalParam.AcceptanceDeadline"},
                new String[] {", \"AcceptanceDeadline\": 2592001", "IllegalParam.AcceptanceDeadline"},
                new String[] {", \"AcceptanceDeadline\": \"soon\"", "InvalidParameter"})) {
            Jobs.create(toManualService(bad[0])).then().statusCode(400).body("Code", equalTo(bad[1]));
        }
    }
}
