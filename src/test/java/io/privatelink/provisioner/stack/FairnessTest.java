package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.local.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * One tenant's burst holds back neither another account's requests nor another tenant's in the same account: paced-a
 * and paced-b (the simulator's two accounts, through their roles) each at PACED_CREATES_PER_SECOND (8) creates a
 * second, 32 creates of the tenant "demo" in paced-a take four seconds, and the requests accepted after them
 * (paced-b's, and the second tenant's in paced-a) reach the cloud at once.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class FairnessTest {

    /** Four seconds of paced-a's creates: the others must reach the cloud within the first three and a quarter. */
    static final int BURST = 4 * LocalStackResource.PACED_CREATES_PER_SECOND;

    static RequestSpecification demo() {
        return Callers.bearer(Callers.token("fair-caller", LocalIssuer.TENANT, "provisioner"));
    }

    static String accept(String body) {
        return accept(demo(), body);
    }

    static String accept(RequestSpecification caller, String body) {
        return Bodies.jobId(caller.contentType(ContentType.JSON).body(body).post("/CreateVpcEndpoint"));
    }

    static String status(String jobId) {
        return Bodies.text(Callers.auditor().get("/GetVpcEndpointJob?JobId=" + jobId), "JobStatus");
    }

    /** When the job's create call answered: its Creating step. */
    static Instant createdAt(String jobId) {
        JsonPath job = Callers.auditor().get("/GetVpcEndpointJob?JobId=" + jobId).jsonPath();
        List<String> statuses = job.getList("History.JobStatus");
        return Instant.parse(job.getList("History.At", String.class).get(statuses.indexOf("Creating")));
    }

    static boolean atTheCloud(String jobId) {
        return List.of("Creating", "Active").contains(status(jobId));
    }

    @Test
    void anotherAccountsAndAnotherTenantsRequestsDoNotWaitForOneTenantsBurst() {
        // The burst arrives at once, from 8 clients, so that it is queued before the others arrive.
        List<String> burst = Jobs.atOnce(8, BURST, () -> {
            String request = Jobs.request("vpc-demo01", UUID.randomUUID().toString());
            return accept(request.substring(0, request.lastIndexOf('}')) + ", \"Account\": \"paced-a\"}");
        });
        List<String> other = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            other.add(accept("""
                    {"RegionId": "cn-hangzhou", "VpcId": "vpc-demob01", "ServiceId": "epsrv-demob01",
                     "SecurityGroupId": ["sg-demob01"], "ClientToken": "%s", "Account": "paced-b"}"""
                    .formatted(UUID.randomUUID())));
            other.add(accept(Callers.bearer(Callers.token("second-caller", LocalStackResource.SECOND_TENANT,
                    "provisioner")), Jobs.request("vpc-demo01", UUID.randomUUID().toString())));
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> other.stream().allMatch(FairnessTest::atTheCloud));
        List<String> all = new ArrayList<>(burst);
        all.addAll(other);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> all.stream().allMatch(id -> "Active".equals(status(id))));
        // Told by when each create call answered, not by a look while they run: a slow machine's accepts take time.
        Instant lastOther = other.stream().map(FairnessTest::createdAt).max(Comparator.naturalOrder()).orElseThrow();
        long burstAfter = burst.stream().map(FairnessTest::createdAt).filter(at -> at.isAfter(lastOther)).count();
        assertTrue(burstAfter >= 6, "the others' creates went while the burst still drained (" + burstAfter
                + " of " + BURST + " came after them)");
        assertEquals(0, burst.stream().filter(id -> LocalStackResource.stack().simulator().endpointsCreatedWith(id) != 1)
                .count(), "each job made one endpoint, the handed-off calls too");
        // Two tenants' jobs in two accounts, each in its own account's simulated resources.
        for (int i = 0; i < other.size(); i++) {
            String endpointId = Callers.auditor().get("/GetVpcEndpointJob?JobId=" + other.get(i)).jsonPath()
                    .getString("Endpoint.EndpointId");
            assertEquals(i % 2 == 0 ? "2345678901234567" : "1234567890123456",
                    LocalStackResource.stack().simulator().accountOf(endpointId).orElseThrow(),
                    (i % 2 == 0 ? "demo's job in paced-b" : "second-team's job in paced-a") + ": " + endpointId);
        }
    }
}
