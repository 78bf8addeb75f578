package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The callbacks' outbox as their delivery claims and records them: PostgreSQL in the service
 * ({@link CallbackRepository}), memory in the delivery's unit tests.
 */
public interface CallbackOutbox {

    /** An attempt of a claimed delivery, and the delivery ended with {@code outcome} or (null) due again then. */
    record Attempted(long callbackId, CallbackAttempt attempt, Callback.Outcome outcome, Instant nextAttemptAt) {
    }

    /**
     * Claims up to {@code limit} due deliveries that head their job's, at most {@code perHost} of a receiver less its
     * attempts under way here ({@code underWay}, by host), pushing their next attempt to {@code leaseUntil}: no other
     * process takes them meanwhile, and one that dies during its attempt leaves them to be tried again.
     */
    Uni<List<Callback>> claimDue(Instant now, int limit, int perHost, Map<String, Integer> underWay,
            Instant leaseUntil);

    /** Records an attempt; the answer comes once it is committed. */
    Uni<Void> attempted(Attempted attempted);
}
