package io.privatelink.provisioner.stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health, readiness and the metrics of a known scenario. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class ObservabilityTest {

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one Prometheus series, 0 when it does not exist yet (an exemplar may follow the value). */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)( #.*)?$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void readyWhenTheDatabaseAndTheBrokerAnswerAndTheCloudIsReported() {
        given().get("/q/health/live").then().statusCode(200);
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(ready.contains("PrivateLink cloud") && ready.contains("\"reachable\": true"), ready);
        assertTrue(ready.toLowerCase().contains("kafka"), ready);
        assertTrue(ready.toLowerCase().contains("postgresql"), ready);
    }

    @Test
    void notReadyWhileTheDatabaseIsDown() {
        LocalStackResource.stack().postgres().close();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/q/health/ready").statusCode() == 503);
        } finally {
            LocalStackResource.stack().postgres().start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void metricsCountAKnownScenarioExactly() {
        String before = metrics();
        String failed = "privatelink_jobs_finished_total{action=\"CreateVpcEndpoint\",code=\"EndpointServiceNotAuthorized\",status=\"Failed\"}";
        String refused = "privatelink_cloud_calls_seconds_count{account=\"demo-a\",action=\"CreateVpcEndpoint\",outcome=\"EndpointServiceNotAuthorized\"}";
        for (int i = 0; i < 2; i++) {
            String body = Jobs.request("vpc-demo01", UUID.randomUUID().toString())
                    .replace("epsrv-demo01", "epsrv-private01");
            String jobId = Jobs.create(body).then().statusCode(202).extract().path("JobId");
            Jobs.awaitStatus(jobId, "Failed");
        }
        // The counters move once the commit is done, a moment after the job reads Failed: wait for that moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertEquals(value(before, failed) + 2, value(metrics(), failed), failed));
        String after = metrics();
        assertEquals(value(before, failed) + 2, value(after, failed), failed);
        assertEquals(value(before, refused) + 2, value(after, refused), refused);
        assertEquals(value(before, "privatelink_jobs_accepted_total") + 2, value(after, "privatelink_jobs_accepted_total"));
        for (String name : new String[] {"privatelink_jobs_due", "privatelink_jobs_time_to_active_seconds_bucket",
                "privatelink_jobs_retries_total", "privatelink_cloud_calls_seconds_bucket"}) {
            assertTrue(after.contains(name), name);
        }
        assertTrue(after.contains("kafka_consumer_fetch_manager_records_lag"), "consumer lag of the topics");
    }
}
