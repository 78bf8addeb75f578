package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.Operations;
import io.privatelink.provisioner.fixtures.SimulatorRequests;
import io.privatelink.provisioner.fixtures.WebhookReceiver;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The owner's endpoint services on the real stack: created, changed and deleted as desired state, one call at a time,
 * by a publisher of the owning tenant; another account's endpoint connecting to one once it is allowed and accepted;
 * another tenant finding none of it; a service made elsewhere adopted.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class ServicesTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification owner() {
        return Callers.bearer(Callers.token("service-owner", LocalIssuer.TENANT, "publisher"));
    }

    /** A publisher of another tenant (whose default account is the same demo-a). */
    private static RequestSpecification stranger() {
        return Callers.bearer(Callers.token("stranger", "another-team", "publisher"));
    }

    private static Response post(RequestSpecification caller, String function, String body) {
        return caller.contentType(ContentType.JSON).body(body).post("/" + function);
    }

    private static JsonPath awaitJob(String jobId, String status) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> status.equals(Bodies.text(
                owner().get("/GetVpcEndpointJob?JobId=" + jobId), "JobStatus")));
        return owner().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath();
    }

    /** The JSON object with more fields. */
    private static String with(String json, String extra) {
        return json.substring(0, json.lastIndexOf('}')) + ", " + extra + "}";
    }

    private static String resource() {
        return "lb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPublisherRunsAServiceFromCreationToDeletionAndAnotherAccountsEndpointConnectsToIt() {
        String create = """
                {"RegionId": "cn-hangzhou", "Resource": [{"ResourceId": "%s", "ResourceType": "slb"}],
                 "User": ["%s"], "ConnectBandwidth": 2048, "ServiceDescription": "orders"}""".formatted(resource(),
                AccountsTest.DEMO_B);
        for (String[] bad : List.of(new String[] {"\"RegionId\": \"cn-hangzhou\", ", "", "MissingRegionId"},
                new String[] {"\"slb\"}", "\"nlb\"}", "IllegalParam.Resource"},
                new String[] {"\"User\": [", "\"User\": [\"me\", ", "IllegalParam.User"},
                new String[] {"2048", "99", "IllegalParam.ConnectBandwidth"},
                new String[] {"\"orders\"", "\"orders\", \"Owner\": \"x\"", "InvalidParameter"},
                new String[] {"\"orders\"", "\"orders\", \"Payer\": \"Nobody\"", "IllegalParam.Payer"})) {
            post(owner(), "CreateVpcEndpointService", create.replace(bad[0], bad[1])).then().statusCode(400)
                    .body("Code", equalTo(bad[2]));
        }
        post(Callers.provisioner(), "CreateVpcEndpointService", create).then().statusCode(403)
                .body("Code", equalTo("Forbidden.Role"));
        post(owner(), "CreateVpcEndpointService", with(create, "\"DryRun\": true")).then().statusCode(400)
                .body("Code", equalTo("DryRunOperation"));

        String created = Bodies.jobId(post(owner(), "CreateVpcEndpointService", create));
        JsonPath made = awaitJob(created, "Active");
        String serviceId = made.getString("Service.ServiceId");
        assertEquals(List.of("Accepted", "Provisioning", "Creating"), made.getList("History.JobStatus").subList(0, 3));
        assertTrue(made.getList("Applied").contains("AddUserToVpcEndpointService " + AccountsTest.DEMO_B),
                made.getList("Applied").toString());
        JsonPath service = owner().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Active", service.getString("Status"));
        assertTrue(service.getList("Observed.Users").contains(AccountsTest.DEMO_B), service.prettify());
        assertEquals(2048, service.getInt("Observed.ConnectBandwidth"));
        stranger().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(404)
                .body("Code", equalTo("EndpointServiceNotFound"));
        post(stranger(), "UpdateVpcEndpointService", "{\"ServiceId\": \"" + serviceId + "\"}").then()
                .statusCode(404).body("Code", equalTo("EndpointServiceNotFound"));

        // demo-b, now allowed, connects; the owner accepts; another tenant may not decide on it.
        String consumer = Bodies.jobId(AccountsTest.create(AccountsTest.demo(), AccountsTest.inB("vpc-demob01",
                UUID.randomUUID().toString(), "demo-b").replace("epsrv-demob01", serviceId)));
        String endpointId = AccountsTest.await(consumer, "AwaitingAcceptance").getString("Endpoint.EndpointId");
        String decision = """
                {"RegionId": "cn-hangzhou", "ServiceId": "%s", "EndpointId": "%s"}""".formatted(serviceId, endpointId);
        post(stranger(), "AcceptVpcEndpointConnection", decision).then().statusCode(404)
                .body("Code", equalTo("EndpointServiceNotFound"));
        awaitJob(Bodies.jobId(post(owner(), "AcceptVpcEndpointConnection", decision)), "Connected");
        assertEquals("Connected", AccountsTest.await(consumer, "Active").getString("Endpoint.ConnectionStatus"));
        // One zone alone refused, the connection kept.
        post(owner(), "RejectVpcEndpointConnection", with(decision, "\"ZoneId\": [\"cn-hangzhou-z\"]")).then()
                .statusCode(400).body("Code", equalTo("IllegalParam.ZoneId"));
        JsonPath zoneRefused = awaitJob(Bodies.jobId(post(owner(), "RejectVpcEndpointConnection", with(decision,
                "\"ZoneId\": [\"cn-hangzhou-h\"], \"Reason\": \"zone h under maintenance\""))), "Disconnected");
        assertEquals("Connected", zoneRefused.getString("Endpoint.ConnectionStatus"));
        assertEquals(List.of("Disconnected"), zoneRefused.getList("Endpoint.Zones.ZoneStatus"));
        assertEquals(List.of("DisableVpcEndpointZoneConnection cn-hangzhou-h"), zoneRefused.getList("Applied"));

        String update = Bodies.jobId(post(owner(), "UpdateVpcEndpointService", """
                {"ServiceId": "%s", "User": [], "ServiceDescription": "orders v2"}""".formatted(serviceId)));
        JsonPath updated = awaitJob(update, "Updated");
        assertEquals(List.of("RemoveUserFromVpcEndpointService " + AccountsTest.DEMO_B,
                "UpdateVpcEndpointServiceAttribute ServiceDescription"), updated.getList("Applied"));
        owner().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(200)
                .body("Observed.Users", not(hasItem(AccountsTest.DEMO_B)))
                .body("Observed.ServiceDescription", equalTo("orders v2"))
                .body("Desired.User", equalTo(List.of()))
                .body("Observed.Connections.ConnectionStatus", equalTo(List.of("Connected")));

        String delete = Bodies.jobId(post(owner(), "DeleteVpcEndpointService", """
                {"ServiceId": "%s", "DisableConnections": true}""".formatted(serviceId)));
        JsonPath deleted = awaitJob(delete, "Deleted");
        assertEquals("DisableVpcEndpointConnection " + endpointId, deleted.getString("Applied[0]"));
        assertEquals("DeleteVpcEndpointService", deleted.getString("Applied[-1]"));
        owner().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(200)
                .body("Status", equalTo("Deleted"));
        post(owner(), "DeleteVpcEndpointService", "{\"ServiceId\": \"" + serviceId + "\", \"ClientToken\": \"again\"}")
                .then().statusCode(404).body("Code", equalTo("EndpointServiceNotFound"));
        assertTrue(owner().get("/ListVpcEndpointServices?Status=Deleted").jsonPath().getList("Services.ServiceId")
                .contains(serviceId));
        owner().get("/ListVpcEndpointServices?Status=Lost").then().statusCode(400)
                .body("Code", equalTo("IllegalParam.Status"));
        owner().get("/GetVpcEndpointService").then().statusCode(400).body("Code", equalTo("MissingServiceId"));
    }

    /** A service made in the simulator, as another tool would: its ServiceId. */
    static String madeElsewhere() throws Exception {
        int port = LocalStackResource.stack().simulator().port();
        CommonRequest made = SimulatorRequests.base(port, "CreateVpcEndpointService");
        made.putQueryParameter("Resource.1.ResourceId", resource());
        made.putQueryParameter("Resource.1.ResourceType", "slb");
        return JSON.readTree(SimulatorRequests.client().getCommonResponse(made).getData()).get("ServiceId").asText();
    }

    /** The service adopted by the tests' owner: the adoption job, Adopted. */
    static JsonPath adopted(String serviceId) {
        return awaitJob(Bodies.jobId(post(owner(), "AdoptVpcEndpointService", adoption(serviceId))), "Adopted");
    }

    private static String adoption(String serviceId) {
        return "{\"RegionId\": \"cn-hangzhou\", \"ServiceId\": \"" + serviceId + "\"}";
    }

    @Test
    void aServiceMadeElsewhereIsAdoptedOnce() throws Exception {
        String serviceId = madeElsewhere();
        String adopt = adoption(serviceId);
        post(owner(), "AdoptVpcEndpointService", with(adopt.replace(serviceId, "epsrv-nosuch01"),
                "\"DryRun\": true")).then().statusCode(404).body("Code", equalTo("EndpointServiceNotFound"));
        JsonPath adopted = adopted(serviceId);
        assertEquals(serviceId, adopted.getString("Service.ServiceId"));
        post(owner(), "AdoptVpcEndpointService", with(adopt, "\"ClientToken\": \"second\"")).then()
                .statusCode(400).body("Code", equalTo("OperationDenied.EndpointServiceManaged"));
        assertTrue(Callers.auditor().get("/ListVpcEndpointServices").jsonPath().getList("Services.ServiceId")
                .contains(serviceId), "an auditor reads every tenant's services");
        Operations.post("GetVpcEndpointJob", "{\"JobId\": \"" + adopted.getString("JobId") + "\"}").then()
                .statusCode(404);
    }

    @Test
    void thePolicyAcceptsAnAllowedAccountAtOnceAndHoldsAnotherForAPersonWithAnEventAndACallback() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.listening(WebhookReceiver.stackSecret())) {
            String created = Bodies.jobId(post(owner(), "CreateVpcEndpointService", """
                    {"RegionId": "cn-hangzhou", "Resource": [{"ResourceId": "%s", "ResourceType": "slb"}],
                     "User": ["%s"], "AcceptancePolicy": {"AcceptAllowedUsers": true}, "NotificationUrl": "%s"}"""
                    .formatted(resource(), AccountsTest.DEMO_B, receiver.url("/services"))));
            String serviceId = awaitJob(created, "Active").getString("Service.ServiceId");
            post(owner(), "UpdateVpcEndpointService", "{\"ServiceId\": \"" + serviceId
                    + "\", \"AcceptancePolicy\": {\"RejectAfter\": 5}}").then().statusCode(400)
                    .body("Code", equalTo("IllegalParam.AcceptancePolicy"));

            // demo-b is allowed and accepted by the policy: its create ends Active with no call of the owner's.
            String allowed = Bodies.jobId(AccountsTest.create(AccountsTest.demo(), AccountsTest.inB("vpc-demob01",
                    UUID.randomUUID().toString(), "demo-b").replace("epsrv-demob01", serviceId)));
            JsonPath connected = AccountsTest.await(allowed, "Active");
            assertEquals("Connected", connected.getString("Endpoint.ConnectionStatus"));

            // demo-a's own endpoint is no allowed account of the policy's: held, and the owner is told.
            String held = Bodies.jobId(AccountsTest.create(AccountsTest.demo(), with(io.privatelink.provisioner.fixtures
                    .Jobs.request("vpc-demo01", UUID.randomUUID().toString()).replace("epsrv-demo01", serviceId),
                    "\"WaitFor\": \"Endpoint\"")));
            String heldEndpoint = AccountsTest.await(held, "Active").getString("Endpoint.EndpointId");
            await().atMost(WITHIN).until(() -> receiver.received().stream().anyMatch(r -> r.type()
                    .equals("privatelink.vpc-endpoint-service.connection-requested")));
            WebhookReceiver.Received told = receiver.received().stream().filter(r -> r.type()
                    .equals("privatelink.vpc-endpoint-service.connection-requested")).findFirst().orElseThrow();
            assertEquals(serviceId, told.subject());
            assertEquals(heldEndpoint, told.event().path("data").path("Connection").path("EndpointId").asText());
            assertEquals(AccountsTest.DEMO_A, told.event().path("data").path("Connection").path("EndpointOwnerId")
                    .asText());
            assertEquals(0, receiver.unverified());
            assertEquals("Disconnected", Operations.inCloud(heldEndpoint).orElseThrow().get("ConnectionStatus"),
                    "held: nobody decided");
            String allowedEndpoint = connected.getString("Endpoint.EndpointId");
            List<String> decided = owner().get("/ListVpcEndpointJobs?MaxResults=100").jsonPath()
                    .getList("Jobs.findAll { it.EndpointId == '" + allowedEndpoint + "' }.ClientToken");
            assertEquals(1, decided.stream().filter(t -> t.startsWith("policy-accept-")).count(), decided.toString());
            Callers.auditor().get("/GetVpcEndpointService?ServiceId=" + serviceId).then().statusCode(200)
                    .body("Observed.Connections.EndpointId", hasItem(heldEndpoint));
        }
    }
}
