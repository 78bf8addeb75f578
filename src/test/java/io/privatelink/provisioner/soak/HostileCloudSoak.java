package io.privatelink.provisioner.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.simulator.Faults;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The long version of the hostile-cloud test: 300 jobs against 30% Throttling.User, 5% 503 and latency spikes.
 * Run with the other long fault tests: mvn -B -Pfaults test (see CrashRecoverySoak).
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class HostileCloudSoak {

    @AfterEach
    void calm() {
        LocalStackResource.stack().simulator().faults(Faults.none());
    }

    @Test
    void threeHundredJobsAllActiveNoneDoubled() {
        LocalStackResource.stack().simulator().faults(new Faults(0.3, null, 0.05, null, 50, 1000, null, null, null, null, null));
        long start = System.nanoTime();
        List<String> jobs = Jobs.submit(300);
        Jobs.awaitAll(jobs, "Active", Duration.ofMinutes(10));
        long attempts = jobs.stream().mapToLong(id -> Callers.provisioner().get("/GetVpcEndpointJob?JobId=" + id).jsonPath()
                .getInt("Attempts")).sum();
        Jobs.assertOneEndpointEach(jobs);
        assertTrue(attempts > jobs.size(), "throttled create calls were retried");
        System.out.printf("hostile cloud: %d jobs Active in %d s, %d create attempts, 0 doubled%n", jobs.size(),
                (System.nanoTime() - start) / 1_000_000_000L, attempts);
    }
}
