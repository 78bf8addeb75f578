package io.privatelink.provisioner.stack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.simulator.Faults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the cloud's rate limit configured, the service stays under it instead of meeting Throttling. */
@QuarkusTest
@TestProfile(PacingTest.Paced.class)
class PacingTest {

    /** The service may make 8 CreateVpcEndpoint calls a second; the simulated cloud allows 10. */
    public static class Paced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("privatelink.cloud.rate-limits.CreateVpcEndpoint", "8");
        }
    }

    @AfterEach
    void calm() {
        LocalStackResource.stack().simulator().faults(Faults.none());
    }

    /** How many calls the simulator has answered with Throttling.User so far. */
    static long throttled() {
        String count = given().baseUri("http://127.0.0.1:" + LocalStackResource.stack().simulator().port())
                .get("/_simulator/state").jsonPath().getString("Outcomes.'Throttling.User'");
        return count == null ? 0 : Long.parseLong(count);
    }

    @Test
    void aBurstOfJobsMeetsNoThrottling() {
        LocalStackResource.stack().simulator().faults(
                new Faults(null, Map.of("CreateVpcEndpoint", 10), null, null, null, null, null, null, null, null, null));
        long before = throttled();
        List<String> jobs = Jobs.submit(30);
        Jobs.awaitAll(jobs, "Active", Duration.ofSeconds(60));
        assertEquals(before, throttled(), "no create call was throttled");
    }
}
