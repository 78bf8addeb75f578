package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class AcceptGateTest {

    @Test
    void noMoreThanItsPermitsRunAtOnceAndTheRestRunInTurn() {
        AcceptGate gate = new AcceptGate(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> work = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            CompletableFuture<Integer> done = new CompletableFuture<>();
            work.add(done);
            results.add(gate.admit(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                return Uni.createFrom().completionStage(done).invoke(running::decrementAndGet);
            }).subscribeAsCompletionStage().toCompletableFuture());
            assertEquals(Math.min(n + 1, 2), running.get());
        }
        for (int i = 0; i < 5; i++) {
            work.get(i).complete(i);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(i, results.get(i).join());
        }
        assertEquals(2, most.get());
    }

    @Test
    void anAcceptGivenUpBeforeItsTurnNeverRuns() {
        AcceptGate gate = new AcceptGate(1);
        CompletableFuture<Integer> first = new CompletableFuture<>();
        gate.admit(() -> Uni.createFrom().completionStage(first)).subscribeAsCompletionStage();
        AtomicInteger ranLate = new AtomicInteger();
        var late = gate.admit(() -> {
            ranLate.incrementAndGet();
            return Uni.createFrom().item(1);
        }).ifNoItem().after(Duration.ofMillis(50)).fail().subscribeAsCompletionStage().toCompletableFuture();
        assertThrows(Exception.class, late::join);
        first.complete(0);
        assertEquals(0, ranLate.get(), "it timed out waiting: nothing of it may be written afterwards");
        AtomicInteger next = new AtomicInteger();
        gate.admit(() -> Uni.createFrom().item(next.incrementAndGet())).await().indefinitely();
        assertTrue(next.get() == 1, "the permit came back");
    }
}
