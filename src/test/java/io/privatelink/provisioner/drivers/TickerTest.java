package io.privatelink.provisioner.drivers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.config.Every;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

class TickerTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aPeriodIsReadAsQuarkusReadsOneAndOffIsNone() {
        assertEquals(Optional.of(Duration.ofMillis(200)), Every.period("0.2s"));
        assertEquals(Optional.of(Duration.ofMillis(200)), Every.period("200ms"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), Every.period("PT5M"));
        assertEquals(Optional.empty(), Every.period("off"));
        assertEquals(Optional.empty(), Every.period(" Disabled "));
        assertTrue(Ticker.start(vertx, "off", "test", () -> Uni.createFrom().voidItem()).isEmpty());
    }

    @Test
    void aPeriodUnderASecondIsKeptAndARunUnderWayIsNeverOverlapped() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // Each run lasts three periods: the ticks meanwhile are skipped, not queued beside it.
        Ticker ticker = Ticker.start(vertx, "0.02s", "test", () -> {
            most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(60))
                    .invoke(atOnce::decrementAndGet);
        }).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
        ticker.stop();
        assertEquals(1, most.get(), "one run at a time");
    }

    @Test
    void aRunAskedSoonerThanTheNextTickComesThenAndOneAskedWhileItRunsFollowsAFifthOfThePeriodAfterIt() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        Ticker ticker = Ticker.start(vertx, "2s", "test", () -> {
            starts.add(System.nanoTime());
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(100));
        }).orElseThrow();
        ticker.soon(Duration.ofSeconds(3));
        ticker.soon(Duration.ofMillis(20));
        ticker.soon(Duration.ofMillis(30));
        await().atMost(Duration.ofSeconds(1)).until(() -> starts.size() == 1);
        // Asked while that run is under way: it follows, not at once but a fifth of the period after its start.
        ticker.soon(Duration.ZERO);
        await().atMost(Duration.ofSeconds(1)).until(() -> starts.size() == 2);
        ticker.stop();
        assertEquals(2, starts.size(), "a later ask folded into the earlier one, one past the period ignored");
        long apart = Duration.ofNanos(starts.get(1) - starts.get(0)).toMillis();
        assertTrue(apart >= 350, "early runs a fifth of the period apart: " + apart + " ms");
    }

    @Test
    void aFailedRunIsLoggedAndTheNextTickRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        Ticker ticker = Ticker.start(vertx, "0.02s", "test", () -> {
            runs.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("boom"));
        }).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        ticker.stop();
    }

    @Test
    void pausedItRunsNothingUntilResumedAndStoppedNothingMore() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Ticker ticker = Ticker.start(vertx, "0.02s", "test", () -> {
            runs.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).orElseThrow();
        ticker.pause();
        Thread.sleep(50);
        int paused = runs.get();
        Thread.sleep(200);
        assertEquals(paused, runs.get(), "no run while paused");
        ticker.resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() > paused);
        ticker.stop();
        Thread.sleep(50);
        int stopped = runs.get();
        Thread.sleep(200);
        assertEquals(stopped, runs.get(), "no run once stopped");
    }
}
