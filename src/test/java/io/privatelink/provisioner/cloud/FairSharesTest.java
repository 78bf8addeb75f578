package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class FairSharesTest {

    private static final String CREATE = "CreateVpcEndpoint";
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FairShares shares = new FairShares(new CallPacer(Map.of(CREATE, 100.0)), timer);

    /** The timer held until a test has made its calls, so a slow machine cannot let slots go before all are made. */
    private final CountDownLatch held = new CountDownLatch(1);

    @BeforeEach
    void holdTheTimer() {
        timer.execute(() -> awaitQuietly(held));
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aTenantsOneCallGoesBeforeMostOfAnotherTenantsBurst() {
        List<String> order = new CopyOnWriteArrayList<>();
        List<Uni<Void>> turns = new java.util.ArrayList<>();
        IntStream.range(0, 30).forEach(i -> turns.add(shares.turn(CREATE, "big").invoke(() -> order.add("big"))));
        turns.add(shares.turn(CREATE, "small").invoke(() -> order.add("small")));
        // Subscribed in that order, as the consumer takes the burst's commands before the small one's.
        Uni.join().all(turns).andFailFast().subscribe().with(done -> {
        });
        held.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 31);
        assertTrue(order.indexOf("small") <= 2, "small went at place " + order.indexOf("small") + ": " + order);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theWaitAShareWouldHaveCountsTheTurnsBeforeIt() {
        IntStream.range(0, 50).forEach(i -> shares.turn(CREATE, "big").subscribe().with(ok -> {
        }));
        Duration big = shares.backlog(CREATE, "big");
        Duration small = shares.backlog(CREATE, "small");
        assertTrue(big.compareTo(Duration.ofMillis(400)) > 0, "big waits for its own burst: " + big);
        assertTrue(small.compareTo(Duration.ofMillis(50)) < 0, "small waits for a turn or two: " + small);
    }

    @Test
    void anActionWithoutALimitNeverWaitsForATurn() {
        IntStream.range(0, 50).forEach(i -> shares.turn(CREATE, "big").subscribe().with(ok -> {
        }));
        assertEquals(Duration.ZERO, shares.backlog("GetVpcEndpointAttribute", "small"));
        shares.turn("GetVpcEndpointAttribute", "small").await().atMost(Duration.ofSeconds(5));
    }
}
