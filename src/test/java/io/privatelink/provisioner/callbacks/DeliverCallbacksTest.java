package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.fakes.InMemoryOutbox;
import io.privatelink.provisioner.fakes.MutableClock;
import io.privatelink.provisioner.fakes.TestConfig;
import io.privatelink.provisioner.job.Callback;
import io.smallrye.mutiny.Uni;

/** The delivery of callbacks over an in-memory outbox and receivers that answer as the test says. */
class DeliverCallbacksTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T00:00:00Z"));
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final List<Callback> posted = new ArrayList<>();

    static CallbacksConfig config(Map<String, String> settings) {
        return TestConfig.of(settings, CallbacksConfig.class).getConfigMapping(CallbacksConfig.class);
    }

    DeliverCallbacks delivery(Function<Callback, DeliveryDecisions.Result> receivers, Map<String, String> settings) {
        CallbackAttempts attempts = callback -> Uni.createFrom().item(() -> {
            synchronized (posted) {
                posted.add(callback);
            }
            return receivers.apply(callback);
        });
        return new DeliverCallbacks(outbox, attempts, config(settings), new SimpleMeterRegistry(), clock);
    }

    int pass(DeliverCallbacks delivery) {
        return delivery.pass(true).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void anAnsweredDeliveryIsRecordedDeliveredWithItsAttempt() {
        DeliverCallbacks delivery = delivery(c -> new DeliveryDecisions.Answered(204, null), Map.of());
        Callback c = outbox.add("job-1", "receiver.example", clock.instant());
        assertEquals(1, pass(delivery));
        assertEquals(Callback.Outcome.Delivered, c.outcome);
        assertEquals(1, c.attempts);
        assertEquals(204, outbox.attempts(c.id).get(0).status);
        assertEquals(0, pass(delivery), "a delivered callback is not posted again");
        assertEquals(1, posted.size());
    }

    @Test
    void aFailedAttemptIsTriedAgainAfterABackoffAndAGoneReceiverEndsIt() {
        List<Integer> answers = new ArrayList<>(List.of(503, 410));
        DeliverCallbacks delivery = delivery(c -> new DeliveryDecisions.Answered(answers.remove(0), null), Map.of());
        Callback c = outbox.add("job-1", "receiver.example", clock.instant());
        pass(delivery);
        assertNull(c.outcome, "a 503 is tried again");
        assertTrue(c.nextAttemptAt.isAfter(clock.instant()), "after a backoff, not at once");
        assertEquals(0, pass(delivery), "not before its backoff");
        clock.advance(Duration.between(clock.instant(), c.nextAttemptAt));
        pass(delivery);
        assertEquals(Callback.Outcome.Refused, c.outcome, "a 410 ends it");
        assertEquals(2, c.attempts);
    }

    @Test
    void aReceiverWithoutAnAnswerIsTriedAgainAndTheReasonKept() {
        DeliverCallbacks delivery = delivery(c -> new DeliveryDecisions.NoAnswer("connection refused"), Map.of());
        Callback c = outbox.add("job-1", "receiver.example", clock.instant());
        pass(delivery);
        assertNull(c.outcome);
        assertEquals("connection refused", outbox.attempts(c.id).get(0).error);
    }

    @Test
    void aJobsDeliveriesGoOneAtATimeInOrderAndAReceiverGetsNoMoreThanItsConnections() {
        // Receivers that answer only when the test says: attempts stay under way meanwhile.
        Map<String, io.smallrye.mutiny.subscription.UniEmitter<? super DeliveryDecisions.Result>> waiting =
                new java.util.concurrent.ConcurrentHashMap<>();
        CallbacksConfig config = config(Map.of("privatelink.callbacks.connections-per-host", "2"));
        DeliverCallbacks delivery = new DeliverCallbacks(outbox, callback -> Uni.createFrom().emitter(e -> {
            posted.add(callback);
            waiting.put(callback.eventId, e);
        }), config, new SimpleMeterRegistry(), clock);
        Callback first = outbox.add("job-1", "one.example", clock.instant());
        Callback second = outbox.add("job-1", "one.example", clock.instant());
        outbox.add("job-2", "one.example", clock.instant());
        outbox.add("job-3", "one.example", clock.instant());
        outbox.add("job-4", "other.example", clock.instant());

        assertEquals(3, delivery.pass(false).await().atMost(Duration.ofSeconds(5)),
                "one.example's two connections (job-1's first, job-2's) and other.example's");
        assertEquals(List.of("event-1", "event-3", "event-5"), eventIds());

        waiting.remove("event-1").complete(new DeliveryDecisions.Answered(204, null));
        assertEquals(Callback.Outcome.Delivered, first.outcome);
        assertEquals(List.of("event-1", "event-3", "event-5", "event-4"), eventIds(),
                "the freed connection goes to the next due delivery (job-3's) at once; job-1's second waits for one");
        assertEquals(List.of(), posted.stream().filter(c -> c == second).toList());

        waiting.remove("event-3").complete(new DeliveryDecisions.Answered(204, null));
        assertEquals(List.of("event-1", "event-3", "event-5", "event-4", "event-2"), eventIds(),
                "job-1's second after its first, on the next connection that freed");
    }

    List<String> eventIds() {
        return posted.stream().map(c -> c.eventId).toList();
    }
}
