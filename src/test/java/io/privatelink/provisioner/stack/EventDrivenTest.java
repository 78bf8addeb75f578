package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.drivers.VpcEndpointRequestConsumer;
import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** vpc-endpoint.requests in, vpc-endpoint.events out, and poison records to the dead-letter topics. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class EventDrivenTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonPath awaitJobByToken(String token, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var r = Callers.auditor().get("/GetVpcEndpointJob?ClientToken=" + token);
            return r.statusCode() == 200 && status.equals(Bodies.text(r, "JobStatus"));
        });
        return Callers.auditor().get("/GetVpcEndpointJob?ClientToken=" + token).jsonPath();
    }

    static List<JsonNode> eventsOf(String jobId, int atLeast) {
        List<ConsumerRecord<String, String>> records = TestKafka.readUntil("vpc-endpoint.events",
                seen -> seen.stream().filter(r -> jobId.equals(r.key())).count() >= atLeast, Duration.ofSeconds(20));
        return records.stream().filter(r -> jobId.equals(r.key())).map(r -> {
            try {
                assertEquals("application/cloudevents+json",
                        new String(r.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void everyStateChangeIsACloudEventInOrder() {
        String token = UUID.randomUUID().toString();
        String jobId = Jobs.create(Jobs.request("vpc-demo01", token)).then().statusCode(202)
                .extract().path("JobId");
        Jobs.awaitStatus(jobId, "Active");
        List<JsonNode> events = eventsOf(jobId, 4);
        assertEquals(List.of("privatelink.vpc-endpoint.job.accepted", "privatelink.vpc-endpoint.job.provisioning",
                "privatelink.vpc-endpoint.job.creating", "privatelink.vpc-endpoint.job.active"),
                events.stream().map(e -> e.get("type").asText()).toList());
        for (JsonNode e : events) {
            assertEquals("1.0", e.get("specversion").asText());
            assertEquals(jobId, e.get("subject").asText());
            assertEquals(jobId, e.path("data").path("JobId").asText());
            assertTrue(e.get("type").asText().endsWith(e.path("data").path("JobStatus").asText().toLowerCase()),
                    "the data is the job as it stood at the change");
        }
        assertEquals(events.get(3).path("data").path("Endpoint").path("EndpointId").asText(),
                Callers.auditor().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath().getString("Endpoint.EndpointId"));
    }

    @Test
    void aRequestPublishedByAnotherSystemIsProvisioned() {
        String token = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", token, Jobs.request("vpc-demo01", token));
        JsonPath job = awaitJobByToken(token, "Active");
        assertEquals("vpc-demo01", job.getString("Request.VpcId"));
        assertEquals(1, LocalStackResource.stack().simulator().endpointsCreatedWith(job.getString("JobId")));
    }

    @Inject
    VpcEndpointRequestConsumer requests;

    @Test
    void aRequestWithoutClientTokenIsOneJobHoweverOftenItIsDelivered() throws Exception {
        String vpc = "vpc-notoken-" + UUID.randomUUID().toString().substring(0, 8);
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Jobs.request(vpc, "x"));
        body.remove("ClientToken");
        var record = new ConsumerRecord<>("vpc-endpoint.requests", 3, 4242L + vpc.hashCode() % 1000, vpc, body.toString());
        requests.consume(record).await().atMost(Duration.ofSeconds(10));
        requests.consume(record).await().atMost(Duration.ofSeconds(10));
        var jobs = Callers.auditor().get("/ListVpcEndpointJobs?VpcId=" + vpc).jsonPath();
        assertEquals(1, jobs.getList("Jobs").size(), "a redelivered record is the same request");
        assertTrue(jobs.getString("Jobs[0].ClientToken").startsWith("kafka-vpc-endpoint.requests-3-"),
                jobs.getString("Jobs[0].ClientToken"));
    }

    @Test
    void anInvalidRequestFromTheTopicIsAFailedJobWithTheRulesCode() {
        String token = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", token,
                "{\"RegionId\": \"cn-hangzhou\", \"ServiceId\": \"epsrv-demo01\", \"ClientToken\": \"" + token + "\"}");
        JsonPath job = awaitJobByToken(token, "Failed");
        assertEquals("MissingVpcId", job.getString("Error.Code"));
        assertEquals(List.of("Accepted", "Failed"), job.getList("History.JobStatus"));
        List<JsonNode> events = eventsOf(job.getString("JobId"), 2);
        assertEquals("privatelink.vpc-endpoint.job.failed", events.get(events.size() - 1).get("type").asText());
        assertEquals(0, LocalStackResource.stack().simulator().endpointsCreatedWith(job.getString("JobId")));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicsAndTheChannelsGoOn() {
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            TestKafka.send("vpc-endpoint.requests", marker, "not json " + marker + " " + i);
            TestKafka.send("vpc-endpoint.commands", marker, "[\"" + marker + "\", " + i + "]");
        }
        for (String topic : List.of("vpc-endpoint.requests.dlq", "vpc-endpoint.commands.dlq")) {
            List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(topic,
                    seen -> seen.stream().filter(r -> r.value() != null && r.value().contains(marker)).count() >= 5,
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> ours = dead.stream()
                    .filter(r -> r.value() != null && r.value().contains(marker)).toList();
            assertEquals(5, ours.size(), topic);
            String reason = new String(ours.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("not a"), topic + " reason: " + reason);
        }
        String token = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", token, Jobs.request("vpc-demo01", token));
        awaitJobByToken(token, "Active");
    }
}
