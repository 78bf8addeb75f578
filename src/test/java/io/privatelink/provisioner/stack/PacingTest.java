package io.privatelink.provisioner.stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.simulator.Faults;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Each account's pacing: paced-a and paced-b (the simulator's two accounts, through their roles) may each make
 * PACED_CREATES_PER_SECOND CreateVpcEndpoint calls a second. Under the cloud's own limit the service meets no throttling; an account the
 * cloud throttles slows its own pacing down (additive increase, multiplicative decrease) and no other account's.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class PacingTest {

    static final int PACED = LocalStackResource.PACED_CREATES_PER_SECOND;
    static final String PACED_A_ACCOUNT_ID = "1234567890123456";
    static final String PACED_B_ACCOUNT_ID = "2345678901234567";

    @AfterEach
    void calm() {
        LocalStackResource.stack().simulator().faults(Faults.none());
    }

    static void limitCreatesIn(String accountId, int perSecond) {
        given().baseUri("http://127.0.0.1:" + LocalStackResource.stack().simulator().port())
                .contentType(ContentType.JSON).body("{\"QpsLimits\": {\"CreateVpcEndpoint\": " + perSecond + "}}")
                .put("/_simulator/faults?Account=" + accountId).then().statusCode(200);
    }

    /** How many calls the simulator has answered with Throttling.User so far. */
    static long throttledByTheCloud() {
        String count = given().baseUri("http://127.0.0.1:" + LocalStackResource.stack().simulator().port())
                .get("/_simulator/state").jsonPath().getString("Outcomes.'Throttling.User'");
        return count == null ? 0 : Long.parseLong(count);
    }

    /** A metric of the service's about one account's CreateVpcEndpoint calls; 0 when it has none. */
    static double metric(String name, String account) {
        return Arrays.stream(RestAssured.get("/q/metrics").asString().split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains("account=\"" + account + "\"")
                        && line.contains("action=\"CreateVpcEndpoint\""))
                // The value, before any exemplar (" # {trace_id=...} 1.0 <time>").
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf('}') + 1).trim().split(" ")[0]))
                .sum();
    }

    static List<String> creates(String account, int n) {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(FairnessTest.accept(account.equals("paced-a")
                    ? inAccount(Jobs.request("vpc-demo01", UUID.randomUUID().toString()), account)
                    : """
                            {"RegionId": "cn-hangzhou", "VpcId": "vpc-demob01", "ServiceId": "epsrv-demob01",
                             "SecurityGroupId": ["sg-demob01"], "ClientToken": "%s", "Account": "%s"}"""
                            .formatted(UUID.randomUUID(), account)));
        }
        return jobs;
    }

    static String inAccount(String request, String account) {
        return request.substring(0, request.lastIndexOf('}')) + ", \"Account\": \"" + account + "\"}";
    }

    static void awaitActive(List<String> jobs) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.stream().allMatch(id -> "Active".equals(FairnessTest.status(id))));
    }

    @Test
    void aBurstUnderTheCloudsLimitMeetsNoThrottling() {
        // A quarter over the pace: ten calls may arrive in a second of the cloud's, as five did at a pace of four.
        limitCreatesIn(PACED_A_ACCOUNT_ID, PACED + PACED / 4);
        long before = throttledByTheCloud();
        awaitActive(creates("paced-a", 16));
        assertEquals(before, throttledByTheCloud(), "no create call was throttled");
    }

    @Test
    void oneAccountThrottledSlowsOnlyItsOwnPacing() {
        // paced-b's account allows one create a second, under paced-b's pacing; paced-a's, its own.
        limitCreatesIn(PACED_B_ACCOUNT_ID, 1);
        double throttledA = metric("privatelink_cloud_throttled_total", "paced-a");
        List<String> all = new ArrayList<>(creates("paced-b", 5));
        all.addAll(creates("paced-a", 8));
        awaitActive(all);
        assertTrue(metric("privatelink_cloud_throttled_total", "paced-b") > 0, "paced-b met throttling");
        assertTrue(metric("privatelink_cloud_rate", "paced-b") < PACED, "paced-b's pacing slowed itself down");
        assertEquals(PACED, metric("privatelink_cloud_rate", "paced-a"), "paced-a's pacing kept its limit");
        assertEquals(throttledA, metric("privatelink_cloud_throttled_total", "paced-a"), "paced-a met none");
    }
}
