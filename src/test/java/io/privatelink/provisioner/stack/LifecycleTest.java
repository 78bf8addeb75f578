package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Events;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.Operations;
import io.privatelink.provisioner.fixtures.SimulatorRequests;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.privatelink.simulator.Faults;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An endpoint's whole life on the real stack (broker, database, the simulator over HTTP): updated in place, deleted,
 * adopted, with operations on one endpoint one at a time, and the cloud's "busy" answers retried.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class LifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void anEndpointIsCreatedUpdatedInPlaceAndDeletedEachStepInItsHistoryAndEvents() {
        JsonPath created = Operations.activeEndpoint(UUID.randomUUID().toString());
        String endpointId = created.getString("Endpoint.EndpointId");

        String update = Operations.accepted("UpdateVpcEndpoint", """
                {"EndpointId": "%s", "EndpointName": "renamed", "SecurityGroupId": ["sg-demo02"],
                 "Zone": [{"VSwitchId": "vsw-demo01h", "ZoneId": "cn-hangzhou-h"},
                          {"VSwitchId": "vsw-demo01i", "ZoneId": "cn-hangzhou-i"}]}""".formatted(endpointId));
        JsonPath updated = Operations.awaitStatus(update, "Updated", WITHIN);
        assertEquals("UpdateVpcEndpoint", updated.getString("Action"));
        assertEquals(List.of("UpdateVpcEndpointAttribute EndpointName", "AttachSecurityGroupToVpcEndpoint sg-demo02",
                "DetachSecurityGroupFromVpcEndpoint sg-demo01", "AddZoneToVpcEndpoint cn-hangzhou-i"),
                updated.getList("Applied"));
        assertEquals(List.of("Accepted", "Updating", "Updating", "Updating", "Updating", "Updating", "Updated"),
                updated.getList("History.JobStatus"));
        Map<String, Object> cloud = Operations.inCloud(endpointId).orElseThrow();
        assertEquals("renamed", cloud.get("EndpointName"));
        assertEquals(List.of("sg-demo02"), cloud.get("SecurityGroupId"));
        assertEquals(List.of("cn-hangzhou-h", "cn-hangzhou-i"), cloud.get("ZoneId"));

        String delete = Operations.accepted("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\"}");
        JsonPath deleted = Operations.awaitStatus(delete, "Deleted", WITHIN);
        assertEquals(List.of("Accepted", "Deleting", "Deleting", "Deleted"), deleted.getList("History.JobStatus"));
        assertTrue(Operations.inCloud(endpointId).isEmpty(), "the cloud no longer holds the endpoint");
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\"}").then().statusCode(404)
                .body("Code", equalTo("EndpointNotFound"));

        List<String> expected = List.of("privatelink.vpc-endpoint.job.updating",
                "privatelink.vpc-endpoint.job.updated", "privatelink.vpc-endpoint.job.deleting",
                "privatelink.vpc-endpoint.job.deleted");
        List<String> types = eventTypes(List.of(update, delete), expected);
        assertTrue(types.containsAll(expected), types.toString());
    }

    @Test
    void aDeleteOfAnEndpointStillCreatingWaitsForItAndThenDeletesIt() {
        // Every answer a second late until the delete is queued: the create learns that its endpoint is Active a second
        // after a look at the earliest, so the delete arrives while it is still Creating.
        LocalStackResource.stack().simulator().faults(new Faults(null, null, null, null, 1000, null, null, null, null,
                null, null));
        String create;
        String delete;
        try {
            create = Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString())).then().statusCode(202)
                    .extract().path("JobId");
            Operations.awaitStatus(create, "Creating", WITHIN);
            delete = Operations.accepted("DeleteVpcEndpoint", "{\"JobId\": \"" + create + "\"}");
            await().atMost(WITHIN).until(() -> Operations.job(delete).getList("History.JobStatus").contains("Queued"));
        } finally {
            LocalStackResource.stack().simulator().faults(Faults.none());
        }
        JsonPath deleted = Operations.awaitStatus(delete, "Deleted", WITHIN);
        assertEquals("Active", Operations.job(create).getString("JobStatus"), "the create ran to its end first");
        assertTrue(deleted.getList("History.JobStatus").contains("Queued"), deleted.getList("History").toString());
        String endpointId = Operations.job(create).getString("Endpoint.EndpointId");
        assertTrue(Operations.inCloud(endpointId).isEmpty());
    }

    @Test
    void deletingAnEndpointAlreadyGoneEndsDeletedNotFailed() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        LocalStackResource.stack().simulator().deleteOutOfBand(endpointId);
        await().atMost(WITHIN).until(() -> Operations.inCloud(endpointId).isEmpty());
        String delete = Operations.accepted("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\"}");
        JsonPath deleted = Operations.awaitStatus(delete, "Deleted", WITHIN);
        assertEquals(List.of(), deleted.getList("Applied"), "no delete call for an endpoint already gone");
    }

    @Test
    void twoUpdatesAndADeleteOfOneEndpointAcceptedAtOnceRunOneAfterAnother() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        List<CompletableFuture<String>> accepting = new ArrayList<>();
        for (String body : List.of(
                "{\"EndpointId\": \"%s\", \"EndpointName\": \"first\"}",
                "{\"EndpointId\": \"%s\", \"EndpointDescription\": \"second change\"}")) {
            accepting.add(CompletableFuture.supplyAsync(() -> Operations.accepted("UpdateVpcEndpoint",
                    body.formatted(endpointId))));
        }
        List<String> jobIds = new ArrayList<>(accepting.stream().map(CompletableFuture::join).toList());
        // The delete comes last (accepted while both updates are still under way): updates after it would fail.
        jobIds.add(Operations.accepted("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\"}"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> jobIds.stream()
                .allMatch(id -> List.of("Updated", "Deleted").contains(Jobs.statusOf(id))));
        // Each job's work (from its working state's first step to its end) never overlaps another's.
        List<Instant[]> spans = jobIds.stream().map(id -> span(Operations.job(id))).sorted(
                (a, b) -> a[0].compareTo(b[0])).toList();
        for (int i = 1; i < spans.size(); i++) {
            assertFalse(spans.get(i)[0].isBefore(spans.get(i - 1)[1]), "job " + i + " started before the one before ended");
        }
        assertTrue(Operations.inCloud(endpointId).isEmpty());
    }

    @Test
    void theCloudsBusyAnswersAreRetriedUntilTheChangeIsMade() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        LocalStackResource.stack().simulator().faults(new Faults(null, null, null, null, null, null, null, null, null,
                null, List.of(new Faults.Forced("AttachSecurityGroupToVpcEndpoint", "EndpointLocked", 2),
                        new Faults.Forced("DetachSecurityGroupFromVpcEndpoint", "ConcurrentCallNotSupported", 1))));
        try {
            String update = Operations.accepted("UpdateVpcEndpoint", """
                    {"EndpointId": "%s", "SecurityGroupId": ["sg-demo02"]}""".formatted(endpointId));
            JsonPath updated = Operations.awaitStatus(update, "Updated", WITHIN);
            assertEquals(List.of("AttachSecurityGroupToVpcEndpoint sg-demo02",
                    "DetachSecurityGroupFromVpcEndpoint sg-demo01"), updated.getList("Applied"));
            assertEquals(List.of("sg-demo02"), Operations.inCloud(endpointId).orElseThrow().get("SecurityGroupId"));
        } finally {
            LocalStackResource.stack().simulator().faults(Faults.none());
        }
    }

    @Test
    void anEndpointMadeElsewhereIsAdoptedThenUpdatedAndDeleted() throws Exception {
        int port = LocalStackResource.stack().simulator().port();
        String endpointId = JSON.readTree(SimulatorRequests.client().getCommonResponse(
                SimulatorRequests.create(port, UUID.randomUUID().toString())).getData()).get("EndpointId").asText();
        String adopt = Operations.accepted("AdoptVpcEndpoint", """
                {"RegionId": "cn-hangzhou", "EndpointId": "%s"}""".formatted(endpointId));
        JsonPath adopted = Operations.awaitStatus(adopt, "Adopted", WITHIN);
        assertEquals(endpointId, adopted.getString("Endpoint.EndpointId"));
        Operations.post("AdoptVpcEndpoint", """
                {"RegionId": "cn-hangzhou", "EndpointId": "%s"}""".formatted(endpointId)).then().statusCode(400)
                .body("Code", equalTo("OperationDenied.EndpointManaged"));

        String update = Operations.accepted("UpdateVpcEndpoint", """
                {"EndpointId": "%s", "Zone": [{"VSwitchId": "vsw-demo01h", "ZoneId": "cn-hangzhou-h"}]}"""
                .formatted(endpointId));
        Operations.awaitStatus(update, "Updated", WITHIN);
        assertEquals(List.of("cn-hangzhou-h"), Operations.inCloud(endpointId).orElseThrow().get("ZoneId"));
        String delete = Operations.accepted("DeleteVpcEndpoint", "{\"JobId\": \"" + adopt + "\"}");
        Operations.awaitStatus(delete, "Deleted", WITHIN);
        assertTrue(Operations.inCloud(endpointId).isEmpty());
    }

    @Test
    void theSameClientTokenIsTheSameOperationAndOtherParametersUnderItAreRefused() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        String token = UUID.randomUUID().toString();
        String body = "{\"EndpointId\": \"%s\", \"EndpointName\": \"%s\", \"ClientToken\": \"" + token + "\"}";
        String first = Operations.accepted("UpdateVpcEndpoint", body.formatted(endpointId, "same"));
        assertEquals(first, Operations.accepted("UpdateVpcEndpoint", body.formatted(endpointId, "same")));
        Operations.post("UpdateVpcEndpoint", body.formatted(endpointId, "other")).then().statusCode(400)
                .body("Code", equalTo("IdempotenceSignatureMismatch"));
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"ClientToken\": \"" + token
                + "\"}").then().statusCode(400).body("Code", equalTo("IdempotenceSignatureMismatch"));
        Operations.awaitStatus(first, "Updated", WITHIN);
        assertEquals(first, Operations.accepted("UpdateVpcEndpoint", body.formatted(endpointId, "same")),
                "a replay after the end is still the same job");
    }

    @Test
    void aDryRunChecksAndRecordsNothing() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        String token = UUID.randomUUID().toString();
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"DryRun\": true, "
                + "\"ClientToken\": \"" + token + "\"}").then().statusCode(400).body("Code", equalTo("DryRunOperation"));
        Operations.post("UpdateVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"EndpointName\": \"ok-name\", "
                + "\"DryRun\": true, \"ClientToken\": \"" + token + "\"}").then().statusCode(400)
                .body("Code", equalTo("DryRunOperation"));
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
        assertTrue(Operations.inCloud(endpointId).isPresent());
    }

    @Test
    void badOperationsAreRefusedInTheApisShapeAndNothingIsRecorded() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        String token = UUID.randomUUID().toString();
        String t = ", \"ClientToken\": \"" + token + "\"";
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"ep-doesnotexist\"" + t + "}").then().statusCode(404)
                .body("Code", equalTo("EndpointNotFound"));
        Operations.post("DeleteVpcEndpoint", "{\"JobId\": \"job-doesnotexist\"" + t + "}").then().statusCode(404)
                .body("Code", equalTo("JobNotFound"));
        Operations.post("DeleteVpcEndpoint", "{" + t.substring(1) + "}").then().statusCode(400)
                .body("Code", equalTo("MissingEndpointId"));
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"Force\": true" + t + "}")
                .then().statusCode(400).body("Code", equalTo("InvalidParameter"));
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": 7" + t + "}").then().statusCode(400)
                .body("Code", equalTo("InvalidParameter"));
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"ep-" + "x".repeat(200) + "\"" + t + "}").then()
                .statusCode(400).body("Code", equalTo("IllegalParam.EndpointId"));
        Operations.post("UpdateVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"EndpointDescription\": \""
                + "d".repeat(300) + "\"" + t + "}").then().statusCode(400)
                .body("Code", equalTo("IllegalParam.EndpointDescription"));
        Operations.post("DeleteVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"Deadline\": 1" + t + "}")
                .then().statusCode(400).body("Code", equalTo("IllegalParam.Deadline"));
        Operations.post("UpdateVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"EndpointName\": \"9bad\"" + t
                + "}").then().statusCode(400).body("Code", equalTo("IllegalParam.EndpointName"));
        Operations.post("UpdateVpcEndpoint", "{\"EndpointId\": \"" + endpointId + "\", \"SecurityGroupId\": "
                + "[\"sg-demo01\", \"sg-demo01\"]" + t + "}").then().statusCode(400)
                .body("Code", equalTo("IllegalParam.SecurityGroupId"));
        Operations.post("UpdateVpcEndpoint", "{not json").then().statusCode(400).body("Code", equalTo("InvalidParameter"));
        // Another caller's endpoint is answered as a missing one; an auditor may read but not change.
        Callers.bearer(Callers.token("someone-else", null, "provisioner")).contentType("application/json")
                .body("{\"EndpointId\": \"" + endpointId + "\"}").post("/DeleteVpcEndpoint").then().statusCode(404)
                .body("Code", equalTo("EndpointNotFound"));
        Callers.auditor().contentType("application/json").body("{\"EndpointId\": \"" + endpointId + "\"}")
                .post("/DeleteVpcEndpoint").then().statusCode(403).body("Code", equalTo("Forbidden.Role"));
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
        assertTrue(Operations.inCloud(endpointId).isPresent(), "nothing was done to the endpoint");
    }

    @Test
    void anEndpointDeletedOrChangedOutOfBandIsFoundGoneOrDriftedAndAnUpdatePutsItBack() {
        String changed = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        String deleted = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        LocalStackResource.stack().simulator().changeOutOfBand(changed, "changed-elsewhere", List.of("sg-demo02"));
        LocalStackResource.stack().simulator().deleteOutOfBand(deleted);
        await().atMost(WITHIN).until(() -> Operations.inCloud(deleted).isEmpty());
        // Both due now rather than at their offset in the ten-minute period.
        assertEquals(2, TestDatabase.update("update managed_endpoint set next_observe_at = now() "
                + "where endpoint_id in (?, ?)", changed, deleted));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> "Gone".equals(Bodies.text(
                Callers.provisioner().get("/GetVpcEndpoint?EndpointId=" + deleted), "Status"))
                && Bodies.json(Callers.provisioner().get("/GetVpcEndpoint?EndpointId=" + changed)).hasNonNull("Drift"));
        JsonPath drift = endpoint(changed);
        assertEquals("Active", drift.getString("Status"));
        assertEquals(Map.of("EndpointName", "e2e"), drift.getMap("Drift.'UpdateVpcEndpointAttribute EndpointName'"));
        assertEquals(Map.of("SecurityGroupId", "sg-demo01"),
                drift.getMap("Drift.'AttachSecurityGroupToVpcEndpoint sg-demo01'"));
        assertEquals("changed-elsewhere", drift.getString("Observed.EndpointName"));
        List<String> kinds = endpointEvents(List.of(changed, deleted));
        assertTrue(kinds.contains("privatelink.vpc-endpoint.drifted " + changed), kinds.toString());
        assertTrue(kinds.contains("privatelink.vpc-endpoint.gone " + deleted), kinds.toString());

        String repair = Operations.accepted("UpdateVpcEndpoint", "{\"EndpointId\": \"" + changed + "\"}");
        Operations.awaitStatus(repair, "Updated", WITHIN);
        Map<String, Object> cloud = Operations.inCloud(changed).orElseThrow();
        assertEquals("e2e", cloud.get("EndpointName"));
        assertEquals(List.of("sg-demo01"), cloud.get("SecurityGroupId"));
        assertEquals(null, endpoint(changed).getString("Drift"));
        assertEquals(List.of("CreateVpcEndpoint", "UpdateVpcEndpoint"), endpoint(changed).getList("Jobs.Action"));
    }

    @Test
    void managedEndpointsAreListedForTheirOwnerAndAnotherCallersAreNotFound() {
        String endpointId = Operations.activeEndpoint(UUID.randomUUID().toString()).getString("Endpoint.EndpointId");
        JsonPath page = Callers.provisioner().get("/ListVpcEndpoints?Status=Active&MaxResults=100").jsonPath();
        assertTrue(page.getList("Endpoints.EndpointId").contains(endpointId));
        assertTrue(page.getLong("Counts.Active") >= 1);
        Callers.auditor().get("/GetVpcEndpoint?EndpointId=" + endpointId).then().statusCode(200)
                .body("Status", equalTo("Active"));
        Callers.bearer(Callers.token("someone-else", null, "provisioner")).get("/GetVpcEndpoint?EndpointId="
                + endpointId).then().statusCode(404).body("Code", equalTo("EndpointNotFound"));
        Callers.provisioner().get("/ListVpcEndpoints?Status=Sideways").then().statusCode(400)
                .body("Code", equalTo("IllegalParam.Status"));
        Callers.provisioner().get("/ListVpcEndpoints?MaxResults=1").then().statusCode(200)
                .body("Endpoints.size()", equalTo(1)).body("NextToken", org.hamcrest.Matchers.not(""));
    }

    @Test
    void operationsArriveOnTheRequestsTopicNamedByTheirAction() {
        String createToken = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", null, Jobs.request("vpc-demo01", createToken));
        String endpointId = byToken(createToken, "Active").getString("Endpoint.EndpointId");
        String deleteToken = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", null, """
                {"Action": "DeleteVpcEndpoint", "EndpointId": "%s", "ClientToken": "%s"}""".formatted(endpointId,
                deleteToken));
        assertEquals("DeleteVpcEndpoint", byToken(deleteToken, "Deleted").getString("Action"));
        assertTrue(Operations.inCloud(endpointId).isEmpty());
        String unknownToken = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", null, """
                {"Action": "RebootVpcEndpoint", "EndpointId": "%s", "ClientToken": "%s"}""".formatted(endpointId,
                unknownToken));
        assertEquals("InvalidAction.NotFound", byToken(unknownToken, "Failed").getString("Error.Code"));
    }

    /** A job from the requests topic, found by its ClientToken (as the auditor, who reads everyone's jobs). */
    private static JsonPath byToken(String clientToken, String status) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> status.equals(Bodies.text(Callers.auditor()
                .get("/GetVpcEndpointJob?ClientToken=" + clientToken), "JobStatus")));
        return Callers.auditor().get("/GetVpcEndpointJob?ClientToken=" + clientToken).jsonPath();
    }

    private static JsonPath endpoint(String endpointId) {
        return Callers.provisioner().get("/GetVpcEndpoint?EndpointId=" + endpointId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The endpoint events ("type subject") about these endpoints, read until each has one. */
    private static List<String> endpointEvents(List<String> endpointIds) {
        return Events.kinds(endpointIds, kinds -> kinds.size() >= endpointIds.size());
    }

    /** When the job started its work (its first working state) and when it ended. */
    private static Instant[] span(JsonPath job) {
        List<Map<String, String>> history = job.getList("History");
        Instant start = history.stream().filter(h -> List.of("Updating", "Deleting").contains(h.get("JobStatus")))
                .map(h -> Instant.parse(h.get("At"))).findFirst().orElseThrow();
        Instant end = Instant.parse(history.get(history.size() - 1).get("At"));
        return new Instant[] {start, end};
    }

    /**
     * The types of these jobs' events, read until each expected type has come: the jobs' events are in partitions of
     * their own, which the reader may reach in any order.
     */
    private static List<String> eventTypes(List<String> jobIds, List<String> expected) {
        return Events.read(event -> jobIds.contains(event.get("subject").asText()),
                seen -> seen.stream().map(e -> e.get("type").asText()).toList().containsAll(expected)).stream()
                .map(event -> event.get("type").asText()).toList();
    }
}
