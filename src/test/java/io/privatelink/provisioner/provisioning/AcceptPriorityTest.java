package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class AcceptPriorityTest {

    @Test
    void withNoAcceptUnderWayAStepGoesAtOnce() {
        AcceptPriority priority = new AcceptPriority(Duration.ofHours(1));
        assertTrue(priority.turn().subscribeAsCompletionStage().isDone());
    }

    @Test
    void aStepWaitsForTheAcceptsUnderWayAndGoesWhenTheLastEnds() throws Exception {
        AcceptPriority priority = new AcceptPriority(Duration.ofHours(1));
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> a = priority.accepting(() -> Uni.createFrom().completionStage(first))
                .subscribeAsCompletionStage();
        CompletableFuture<String> b = priority.accepting(() -> Uni.createFrom().completionStage(second))
                .subscribeAsCompletionStage();
        CompletableFuture<Void> step = priority.turn().subscribeAsCompletionStage();
        first.complete("202");
        assertFalse(step.isDone(), "one accept is still under way");
        second.completeExceptionally(new IllegalStateException("a failed accept ends too"));
        step.get(5, TimeUnit.SECONDS);
        assertTrue(a.isDone() && b.isCompletedExceptionally());
        assertTrue(priority.turn().subscribeAsCompletionStage().isDone(), "and the next step does not wait");
    }

    @Test
    void anAcceptGivenUpEndsAsWell() throws Exception {
        AcceptPriority priority = new AcceptPriority(Duration.ofHours(1));
        CompletableFuture<String> accept = priority.accepting(
                () -> Uni.createFrom().completionStage(new CompletableFuture<String>())).subscribeAsCompletionStage();
        CompletableFuture<Void> step = priority.turn().subscribeAsCompletionStage();
        accept.cancel(true);
        step.get(5, TimeUnit.SECONDS);
        assertTrue(priority.turn().subscribeAsCompletionStage().isDone(), "a cancelled accept is no longer counted");
    }

    @Test
    void aStepWaitsNoLongerThanTheYieldWhileAcceptsKeepComing() throws Exception {
        AcceptPriority priority = new AcceptPriority(Duration.ofMillis(50));
        priority.accepting(() -> Uni.createFrom().completionStage(new CompletableFuture<String>()))
                .subscribeAsCompletionStage();
        CompletableFuture<Void> step = priority.turn().subscribeAsCompletionStage();
        assertFalse(step.isDone());
        step.get(5, TimeUnit.SECONDS);
    }

    @Test
    void noYieldConfiguredMeansNoWait() {
        AcceptPriority priority = new AcceptPriority(Duration.ZERO);
        priority.accepting(() -> Uni.createFrom().completionStage(new CompletableFuture<String>()))
                .subscribeAsCompletionStage();
        assertTrue(priority.turn().subscribeAsCompletionStage().isDone());
    }
}
