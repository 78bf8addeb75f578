package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** One trace from the HTTP request through the Kafka record to the cloud calls and the reconciler's polls. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aJobIsOneTraceFromTheRequestToItsLastPoll() {
        String token = UUID.randomUUID().toString();
        String jobId = Jobs.create(Jobs.request("vpc-demo01", token)).then().statusCode(202)
                .extract().path("JobId");
        Jobs.awaitStatus(jobId, "Active");
        AttributeKey<String> job = AttributeKey.stringKey("privatelink.job_id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> all = spans.getFinishedSpanItems();
            String traceId = all.stream().filter(s -> jobId.equals(s.getAttributes().get(job)))
                    .filter(s -> s.getName().contains("CreateVpcEndpoint")).findFirst()
                    .orElseThrow(() -> new AssertionError("no HTTP span tagged with the job")).getTraceId();
            List<SpanData> trace = all.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            List<String> names = trace.stream().map(SpanData::getName).toList();
            assertTrue(names.stream().anyMatch(n -> n.contains("vpc-endpoint.commands") && n.contains("publish")),
                    "the command's publish: " + names);
            assertTrue(trace.stream().anyMatch(s -> s.getName().contains("vpc-endpoint.commands")
                    && !s.getName().contains("publish")), "its consumption: " + names);
            assertTrue(trace.stream().anyMatch(s -> s.getName().equals("PrivateLink CreateVpcEndpoint")
                    && jobId.equals(s.getAttributes().get(AttributeKey.stringKey("privatelink.client_token")))),
                    "the create call with the cloud's ClientToken, the JobId: " + names);
            assertTrue(names.contains("ReconcileVpcEndpointJobs poll"), "the reconciler's poll: " + names);
            assertTrue(names.contains("PrivateLink GetVpcEndpointAttribute"), "the poll's cloud call: " + names);
        });
    }
}
