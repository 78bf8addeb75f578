package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.callbacks.DeliveryDecisions.Answered;
import io.privatelink.provisioner.callbacks.DeliveryDecisions.Decision;
import io.privatelink.provisioner.callbacks.DeliveryDecisions.NoAnswer;
import io.privatelink.provisioner.job.Callback.Outcome;

class DeliveryDecisionsTest {

    static final Instant EVENT = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant NOW = EVENT.plusSeconds(5);

    final DeliveryDecisions lowest = new DeliveryDecisions(Duration.ofSeconds(1), Duration.ofMinutes(10),
            Duration.ofHours(24), () -> 0.0);
    final DeliveryDecisions highest = new DeliveryDecisions(Duration.ofSeconds(1), Duration.ofMinutes(10),
            Duration.ofHours(24), () -> 1.0);

    @Test
    void aTwoHundredDelivers() {
        assertEquals(new Decision(Outcome.Delivered, null), lowest.after(new Answered(200, null), 1, EVENT, NOW));
        assertEquals(Outcome.Delivered, lowest.after(new Answered(204, null), 3, EVENT, NOW).outcome());
    }

    @Test
    void aFourHundredOtherThan429EndsItAsRefused() {
        for (int status : new int[] {400, 401, 404, 410, 413}) {
            assertEquals(new Decision(Outcome.Refused, null), lowest.after(new Answered(status, null), 1, EVENT, NOW),
                    "HTTP " + status);
        }
    }

    @Test
    void aRedirectIsNotFollowedAndEndsItAsRefused() {
        assertEquals(Outcome.Refused, lowest.after(new Answered(302, null), 1, EVENT, NOW).outcome());
    }

    @Test
    void aTimeoutAConnectionFailureA429OrA5xxIsTriedAgain() {
        for (DeliveryDecisions.Result result : new DeliveryDecisions.Result[] {new NoAnswer("no answer in time"),
                new NoAnswer("Connection refused"), new Answered(429, null), new Answered(500, null),
                new Answered(503, null)}) {
            Decision d = lowest.after(result, 1, EVENT, NOW);
            assertNull(d.outcome(), result.toString());
            assertTrue(d.nextAttemptAt().isAfter(NOW), result.toString());
        }
    }

    @Test
    void theWaitDoublesWithJitterUpToTheMaximum() {
        // Attempt n waits between half and all of 1 s * 2^(n-1), capped at 10 minutes.
        assertEquals(NOW.plusMillis(500), lowest.after(new NoAnswer("x"), 1, EVENT, NOW).nextAttemptAt());
        assertEquals(NOW.plusMillis(1000), highest.after(new NoAnswer("x"), 1, EVENT, NOW).nextAttemptAt());
        assertEquals(NOW.plusMillis(4000), lowest.after(new NoAnswer("x"), 4, EVENT, NOW).nextAttemptAt());
        assertEquals(NOW.plusMillis(8000), highest.after(new NoAnswer("x"), 4, EVENT, NOW).nextAttemptAt());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), lowest.after(new NoAnswer("x"), 40, EVENT, NOW).nextAttemptAt());
        assertEquals(NOW.plus(Duration.ofMinutes(10)),
                highest.after(new NoAnswer("x"), 40, EVENT, NOW).nextAttemptAt());
    }

    @Test
    void aRetryAfterIsHonouredWithinTheMaximum() {
        assertEquals(NOW.plusSeconds(30), lowest.after(new Answered(429, 30L), 1, EVENT, NOW).nextAttemptAt());
        assertEquals(NOW.plus(Duration.ofMinutes(10)),
                lowest.after(new Answered(503, 86_400L), 1, EVENT, NOW).nextAttemptAt());
    }

    @Test
    void pastGiveUpAfterTheDeliveryIsGivenUp() {
        Instant late = EVENT.plus(Duration.ofHours(24)).minusSeconds(1);
        assertEquals(new Decision(Outcome.GaveUp, null), lowest.after(new Answered(503, null), 200, EVENT, late));
        assertNull(lowest.after(new Answered(503, null), 1, EVENT, late.minusSeconds(3600)).outcome());
    }
}
