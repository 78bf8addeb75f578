package io.privatelink.provisioner.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.job.Callback.Outcome;

/**
 * What an attempt's result means for its delivery: a 2xx delivers it; a timeout, a connection failure, a 429 or a
 * 5xx is tried again after an exponential backoff with jitter (or the receiver's Retry-After, within the same bound)
 * until give-up-after has passed since the event; anything else (a 4xx, a redirect, which is not followed) ends it
 * as refused. Pure.
 */
final class DeliveryDecisions {

    /** What an attempt came back with. */
    sealed interface Result {
    }

    /** The receiver answered {@code status}; {@code retryAfterSeconds} its Retry-After, if it sent one. */
    record Answered(int status, Long retryAfterSeconds) implements Result {
    }

    /** No answer: the connection failed or the attempt ran out of time ({@code error} says which). */
    record NoAnswer(String error) implements Result {
    }

    /** The delivery's end, or (outcome null) when to try again. */
    record Decision(Outcome outcome, Instant nextAttemptAt) {
    }

    private final Duration first;
    private final Duration max;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    DeliveryDecisions(CallbacksConfig config, DoubleSupplier random) {
        this(config.firstBackoff(), config.maxBackoff(), config.giveUpAfter(), random);
    }

    DeliveryDecisions(Duration first, Duration max, Duration giveUpAfter, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /** After the {@code attempts}-th attempt (1 for the first) of an event of {@code eventAt}, made at {@code now}. */
    Decision after(Result result, int attempts, Instant eventAt, Instant now) {
        if (result instanceof Answered answered) {
            int status = answered.status();
            if (status >= 200 && status < 300) {
                return new Decision(Outcome.Delivered, null);
            }
            if (status != 429 && status < 500) {
                return new Decision(Outcome.Refused, null);
            }
        }
        Instant next = now.plus(wait(result, attempts));
        if (next.isAfter(eventAt.plus(giveUpAfter))) {
            return new Decision(Outcome.GaveUp, null);
        }
        return new Decision(null, next);
    }

    /** Half the doubled wait, plus up to as much again at random: waits that grow and callers that spread out. */
    private Duration wait(Result result, int attempts) {
        if (result instanceof Answered answered && answered.retryAfterSeconds() != null) {
            Duration asked = Duration.ofSeconds(Math.max(0, answered.retryAfterSeconds()));
            return asked.compareTo(max) > 0 ? max : asked;
        }
        long doubled = first.toMillis() << Math.min(attempts - 1, 30);
        long bounded = Math.min(doubled, max.toMillis());
        return Duration.ofMillis(bounded / 2 + (long) (random.getAsDouble() * (bounded / 2)));
    }
}
