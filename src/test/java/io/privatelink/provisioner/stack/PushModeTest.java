package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.drivers.CallbackScheduler;
import io.privatelink.provisioner.drivers.ReconcileScheduler;
import io.privatelink.provisioner.drivers.WatchScheduler;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.Operations;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Push mode, with the in-process consumers and timer off: jobs move only when the platform posts what Knative and
 * Function Compute post (the payload samples under src/test/resources/push, each with its source).
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushModeTest {

    /** The in-process drivers a push deployment runs without (privatelink.reconciler.every=off, consumers off). */
    private static final List<String> CONSUMERS = List.of("provision-commands-in", "vpc-endpoint-requests-in");

    @Inject
    ReconcileScheduler reconciler;

    @Inject
    CallbackScheduler callbacks;

    @Inject
    WatchScheduler watches;

    @Inject
    KafkaClientService kafka;

    /**
     * Push mode in the suite's own service: its timers and in-process consumers paused while these tests run, as a
     * deployment without them has them, so that only the platform's pushes move a job (no second stack to start).
     */
    @BeforeAll
    void driversOff() {
        reconciler.pause();
        callbacks.pause();
        watches.pause();
        Uni.join().all(consumers().map(c -> c.pause()).toList()).andFailFast().await().indefinitely();
    }

    /** The drivers' consumers; a channel with concurrency N has N, named channel$1 to channel$N. */
    private java.util.stream.Stream<io.smallrye.reactive.messaging.kafka.KafkaConsumer<Object, Object>> consumers() {
        return kafka.getConsumerChannels().stream()
                .filter(channel -> CONSUMERS.stream().anyMatch(c -> channel.equals(c) || channel.startsWith(c + "$")))
                .flatMap(channel -> kafka.<Object, Object> getConsumers(channel).stream());
    }

    @AfterAll
    void driversOn() {
        Uni.join().all(consumers().map(c -> c.resume()).toList()).andFailFast().await().indefinitely();
        reconciler.resume();
        callbacks.resume();
        watches.resume();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A sample as text: its placeholders (__OFFSET__ ...) make it JSON only once filled. */
    private static String fixture(String name) throws IOException {
        try (InputStream in = PushModeTest.class.getResourceAsStream("/push/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The sample with a real record's place and value in it. */
    private static String fill(String text, ConsumerRecord<String, String> r, boolean valueAsJsonString) throws IOException {
        String value = valueAsJsonString ? JSON.writeValueAsString(r.value()).replaceAll("^\"|\"$", "") : r.value();
        return text.replace("__TOPIC__", r.topic()).replace("__PARTITION__", String.valueOf(r.partition()))
                .replace("__OFFSET__", String.valueOf(r.offset())).replace("__KEY__", r.key() == null ? "" : r.key())
                .replace("__SOURCE__", "privatelink").replace("__PUSH_SECRET__", pushSecret()).replace("__VALUE__", value);
    }

    private static String pushSecret() {
        return LocalStackResource.stack().issuer().pushSecret();
    }

    /** Posts a Knative binary CloudEvent sample, filled with the record, to the path its sink names. */
    private static Response knative(String sample, ConsumerRecord<String, String> record, String path) throws IOException {
        JsonNode event = JSON.readTree(fixture(sample));
        var request = RestAssured.given();
        for (var h : (Iterable<Map.Entry<String, JsonNode>>) event.get("headers")::fields) {
            request.header(h.getKey(), fill(h.getValue().asText(), record, false));
        }
        String body = event.get("body").asText();
        return request.body("__VALUE__".equals(body) ? record.value() : body).post(path);
    }

    /** Posts a Function Compute sample's body to /invoke, as its trigger would. */
    private static Response functionCompute(String sample, ConsumerRecord<String, String> record) throws IOException {
        String body = JSON.readTree(record == null ? fixture(sample) : fill(fixture(sample), record, true)).get("body").toString();
        return RestAssured.given().header("X-Privatelink-Push-Secret", pushSecret()).contentType("application/json")
                .body(body).post("/invoke");
    }

    private static ConsumerRecord<String, String> commandOf(String jobId) {
        List<ConsumerRecord<String, String>> records = TestKafka.readUntil("vpc-endpoint.commands",
                rs -> rs.stream().anyMatch(r -> jobId.equals(r.key())), Duration.ofSeconds(20));
        return records.stream().filter(r -> jobId.equals(r.key())).findFirst().orElseThrow();
    }

    /** The job went Creating: its create call answered (the reconciler may have polled it Active since). */
    private static boolean madeItsCall(String jobId) {
        return Operations.job(jobId).getList("History.JobStatus").contains("Creating");
    }

    private static String status(String jobId) {
        return Callers.provisioner().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath().getString("JobStatus");
    }

    private static String accept() {
        return Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString())).then().statusCode(202)
                .extract().path("JobId");
    }

    private static void tickUntil(String jobId, String wanted, java.util.concurrent.Callable<Response> tick) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            tick.call().then().statusCode(200);
            return wanted.equals(status(jobId));
        });
    }

    @Test
    void knativeKafkaSourceAndPingSourceCarryAJobToActive() throws Exception {
        String jobId = accept();
        // Several of the test stack's reconciler periods (0.2 s) and a command's delivery go by: nothing moves it.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> "Accepted".equals(status(jobId)));
        ConsumerRecord<String, String> command = commandOf(jobId);
        knative("knative-kafkasource-binary.json", command, "/ProvisionVpcEndpoint").then().statusCode(204);
        assertTrue(madeItsCall(jobId), "the pushed command made the create call");
        knative("knative-kafkasource-binary.json", command, "/ProvisionVpcEndpoint").then().statusCode(204);
        // One tick drains: passes every second while the job is due, so it needs no second tick to reach Active.
        knative("knative-pingsource-binary.json", command, "/push/tick").then().statusCode(200);
        assertEquals("Active", status(jobId));
        // A PingSource aimed at the function itself: its body is dropped, one pass runs.
        knative("knative-pingsource-binary.json", command, "/ReconcileVpcEndpointJobs").then().statusCode(200);
        assertEquals(1, LocalStackResource.stack().simulator().endpointsCreatedWith(jobId), "a redelivery is harmless");
    }

    @Test
    void aJobCancelledBeforeTheCloudStaysCancelledWhenItsCommandIsDeliveredAfterwards() throws Exception {
        String jobId = accept();
        Operations.post("CancelVpcEndpointJob", "{\"JobId\": \"" + jobId + "\"}").then().statusCode(200)
                .body("JobStatus", equalTo("Cancelled")).body("JobId", equalTo(jobId));
        knative("knative-kafkasource-binary.json", commandOf(jobId), "/ProvisionVpcEndpoint").then().statusCode(204);
        assertEquals("Cancelled", status(jobId));
        assertEquals(0, LocalStackResource.stack().simulator().endpointsCreatedWith(jobId), "the cloud never heard of it");
        Operations.post("CancelVpcEndpointJob", "{\"JobId\": \"" + jobId + "\"}").then().statusCode(200)
                .body("JobStatus", equalTo("Cancelled"));

        String started = accept();
        knative("knative-kafkasource-binary.json", commandOf(started), "/ProvisionVpcEndpoint").then().statusCode(204);
        Operations.post("CancelVpcEndpointJob", "{\"JobId\": \"" + started + "\"}").then().statusCode(400)
                .body("Code", equalTo("OperationDenied.JobReachedCloud"));
        Operations.post("CancelVpcEndpointJob", "{\"JobId\": \"job-none\"}").then().statusCode(404)
                .body("Code", equalTo("JobNotFound"));
    }

    @Test
    void aDeleteOfACreateNotYetAtTheCloudCancelsTheCreateAndMakesNoCall() throws Exception {
        String create = accept();
        String delete = Operations.accepted("DeleteVpcEndpoint", "{\"JobId\": \"" + create + "\"}");
        assertEquals("Cancelled", status(create));
        knative("knative-kafkasource-binary.json", commandOf(create), "/ProvisionVpcEndpoint").then().statusCode(204);
        knative("knative-kafkasource-binary.json", commandOf(delete), "/ProvisionVpcEndpoint").then().statusCode(204);
        assertEquals("Cancelled", status(create));
        assertEquals("Deleted", status(delete));
        assertEquals(0, LocalStackResource.stack().simulator().endpointsCreatedWith(create));
    }

    @Test
    void functionComputeKafkaTriggerBatchesAndTimerCarryJobsToActive() throws Exception {
        String viaCloudEvents = accept();
        String viaRawData = accept();
        functionCompute("fc-kafka-cloudevents-batch.json", commandOf(viaCloudEvents)).then().statusCode(200)
                .body("Records", equalTo(1));
        functionCompute("fc-kafka-rawdata-batch.json", commandOf(viaRawData)).then().statusCode(200);
        assertTrue(madeItsCall(viaCloudEvents), "the CloudEvents batch made its create call");
        assertTrue(madeItsCall(viaRawData), "the raw batch made its create call");
        tickUntil(viaCloudEvents, "Active", () -> functionCompute("fc-timer.json", null));
        tickUntil(viaRawData, "Active", () -> functionCompute("fc-timer.json", null));
    }

    @Test
    void requestsFromTheTopicArePushedToo() throws Exception {
        String vpc = "vpc-push-" + UUID.randomUUID().toString().substring(0, 8);
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Jobs.request(vpc, "x"));
        body.remove("ClientToken");
        long offset = Math.abs(vpc.hashCode() % 100000);
        var record = new ConsumerRecord<>("vpc-endpoint.requests", 2, offset, vpc, body.toString());
        knative("knative-kafkasource-binary.json", record, "/push/vpc-endpoint.requests").then().statusCode(200);
        knative("knative-kafkasource-binary.json", record, "/push/vpc-endpoint.requests").then().statusCode(200);
        var viaFc = new ConsumerRecord<>("vpc-endpoint.requests", 3, offset, vpc, body.toString());
        functionCompute("fc-kafka-cloudevents-batch.json", viaFc).then().statusCode(200);
        assertEquals(2, TestDatabase.count("select count(*) from vpc_endpoint_job where vpc_id = ?", vpc),
                "one job per record place, however often it is pushed");
        assertEquals(1, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?",
                "kafka-vpc-endpoint.requests-2-" + offset));
    }

    @Test
    void aPoisonRecordIsRefusedForTheDeadLettersAndAnUnsignedPushIsNotTaken() throws Exception {
        var poison = new ConsumerRecord<>("vpc-endpoint.commands", 0, 1L, "k", "not a command");
        knative("knative-kafkasource-binary.json", poison, "/ProvisionVpcEndpoint").then().statusCode(400);
        functionCompute("fc-kafka-rawdata-batch.json", poison).then().statusCode(400);
        var notARequest = new ConsumerRecord<>("vpc-endpoint.requests", 0, 1L, "k", "[1, 2]");
        knative("knative-kafkasource-binary.json", notARequest, "/push/vpc-endpoint.requests").then().statusCode(400);
        RestAssured.given().contentType("application/json").body("{\"triggerTime\": \"x\", \"triggerName\": \"t\"}")
                .post("/invoke").then().statusCode(401).body("Code", equalTo("MissingToken"));
        RestAssured.given().header("X-Privatelink-Push-Secret", pushSecret()).contentType("application/json")
                .body("{\"not\": \"an event\"}").post("/invoke").then().statusCode(400);
    }

    @Test
    void aPushThatCannotBeRecordedAsksForARetry() throws Exception {
        String vpc = "vpc-push-retry-" + UUID.randomUUID().toString().substring(0, 6);
        var record = new ConsumerRecord<>("vpc-endpoint.requests", 1, 77L, vpc, Jobs.request(vpc,
                UUID.randomUUID().toString()));
        LocalStackResource.stack().postgres().close();
        try {
            knative("knative-kafkasource-binary.json", record, "/push/vpc-endpoint.requests").then().statusCode(503);
        } finally {
            LocalStackResource.stack().postgres().start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                knative("knative-kafkasource-binary.json", record, "/push/vpc-endpoint.requests").statusCode() == 200);
        assertTrue(TestDatabase.count("select count(*) from vpc_endpoint_job where vpc_id = ?", vpc) == 1);
    }
}
