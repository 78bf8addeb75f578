package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.simulator.Faults;
import io.privatelink.simulator.PrivateLinkSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The quick fault tests: a hostile cloud, a read timeout, an endpoint stuck Creating, the database and the broker
 * going away under load. Every job with a 202 ends Active (or Failed with its reason), and no endpoint is doubled.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class FaultToleranceTest {

    @AfterEach
    void calm() {
        Jobs.simulator().faults(Faults.none());
    }

    @Test
    void aThrottlingFailingSlowCloudOnlyDelaysTheJobs() {
        Jobs.simulator().faults(new Faults(0.3, null, 0.05, null, null, 300, null, null, null, null, null));
        List<String> jobs = Jobs.submit(25);
        // Eventual success is the point, not speed: a job can meet several throttled calls in a row.
        Jobs.awaitAll(jobs, "Active", Duration.ofSeconds(240));
        int retried = 0;
        for (String id : jobs) {
            JsonNode job = Bodies.json(Callers.provisioner().get("/GetVpcEndpointJob?JobId=" + id));
            if (job.path("Attempts").asInt() > 1) {
                retried++;
                assertTrue(job.path("History").findValuesAsText("Detail").stream()
                        .anyMatch(d -> d.matches("attempt \\d+ failed: (Throttling.User|ServiceUnavailable): .*")),
                        "each failed attempt is in the history with its code");
            }
        }
        assertTrue(retried > 0, "with 30% throttling some create calls were retried");
        Jobs.assertOneEndpointEach(jobs);
    }

    @Test
    void aReadTimeoutIsNotAFailure() {
        Jobs.simulator().faults(new Faults(null, null, null, null, null, null, null, 1.0, 3000, null, null));
        List<String> jobs = Jobs.submit(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Bodies.json(Callers.provisioner().get("/GetVpcEndpointJob?JobId=" + jobs.get(0)))
                .path("History").findValuesAsText("Detail").stream().anyMatch(d -> d.contains("SDK.ReadTimeout")));
        Jobs.simulator().faults(Faults.none());
        Jobs.awaitAll(jobs, "Active", Duration.ofSeconds(60));
        Jobs.assertOneEndpointEach(jobs);
    }

    @Test
    void withoutTheDatabaseRequestsGet503InTimeAndTheServiceRecovers() {
        // At once: right after the broker's test, each send may wait out its timeout while the producer reconnects.
        List<String> before = Jobs.submitAtOnce(5);
        LocalStackResource.stack().postgres().close();
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Response r = Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString()));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(503, r.statusCode(), r.asString());
                assertEquals("ServiceUnavailable", r.jsonPath().getString("Code"));
                assertTrue(millis < 10_000, "answered within the accept timeout, not hung: " + millis + " ms");
            }
        } finally {
            LocalStackResource.stack().postgres().start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString())).statusCode() == 202);
        List<String> after = Jobs.submit(5);
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        Jobs.awaitAll(all, "Active", Duration.ofSeconds(60));
        Jobs.assertOneEndpointEach(all);
    }

    @Test
    void withoutTheBrokerAcceptedJobsWaitAndComplete() {
        LocalStackResource.stack().kafka().close();
        List<String> jobs;
        try {
            jobs = Jobs.submitAtOnce(3);
        } finally {
            LocalStackResource.stack().kafka().start();
        }
        Jobs.awaitAll(jobs, "Active", Duration.ofSeconds(90));
        Jobs.assertOneEndpointEach(jobs);
    }
}
