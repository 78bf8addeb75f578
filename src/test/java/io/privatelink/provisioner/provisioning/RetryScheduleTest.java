package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.config.ProvisionerConfig;

class RetryScheduleTest {

    static final ProvisionerConfig.Retry DEFAULTS = new ProvisionerConfig.Retry() {
        public Duration baseDelay() { return Duration.ofSeconds(1); }
        public Duration maxDelay() { return Duration.ofSeconds(60); }
        public Duration createDeadline() { return Duration.ofMinutes(10); }
        public Duration activeDeadline() { return Duration.ofMinutes(15); }
        public Duration firstPoll() { return Duration.ofSeconds(3); }
        public Duration maxPoll() { return Duration.ofSeconds(10); }
        public int notFoundPolls() { return 20; }
        public int requestAttempts() { return 20; }
        public Duration callLease() { return Duration.ofSeconds(60); }
        public Duration operationDeadline() { return Duration.ofMinutes(15); }
        public Duration queuedRecheck() { return Duration.ofSeconds(30); }
        public Duration settle() { return Duration.ofSeconds(3); }
        public Duration acceptanceDeadline() { return Duration.ofDays(7); }
        public Duration acceptancePoll() { return Duration.ofSeconds(10); }
        public Duration acceptanceMaxPoll() { return Duration.ofMinutes(5); }
    };

    @Test
    void withoutEnoughActiveEndpointsSeenPollsFollowTerraformsWaiter() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 15; i++) {
            schedule.learn("a", Duration.ofSeconds(10));
        }
        assertEquals(Duration.ofSeconds(3), schedule.firstPoll("a"));
        assertEquals(Duration.ofMillis(4500), schedule.nextPoll("a", 1));
        assertEquals(Duration.ofSeconds(10), schedule.nextPoll("a", 5));
    }

    @Test
    void onceEndpointsAreSeenTurningActiveTheFirstPollGoesJustBeforeTheirMedianAndTheNextFollowBriskly() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 40; i++) {
            schedule.learn("a", Duration.ofSeconds(i % 2 == 0 ? 10 : 30));
        }
        schedule.learn("a", Duration.ofSeconds(12));
        assertEquals(Duration.ofSeconds(11), schedule.firstPoll("a"), "median 12 s, less a second");
        assertEquals(Duration.ofSeconds(1), schedule.nextPoll("a", 1));
        assertEquals(Duration.ofSeconds(1), schedule.nextPoll("a", 3));
        assertEquals(Duration.ofSeconds(10), schedule.nextPoll("a", 4));
    }

    @Test
    void fastEndpointsNeverBringTheFirstPollBeforeTheConfiguredOne() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 64; i++) {
            schedule.learn("a", Duration.ofSeconds(2));
        }
        assertEquals(Duration.ofSeconds(3), schedule.firstPoll("a"));
    }

    @Test
    void eachAccountLearnsItsOwnTimes() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 64; i++) {
            // A burst's polls, held back by its account's pacing, see its endpoints Active late.
            schedule.learn("burst", Duration.ofSeconds(25));
            schedule.learn("small", Duration.ofSeconds(10));
        }
        assertEquals(Duration.ofSeconds(24), schedule.firstPoll("burst"));
        assertEquals(Duration.ofSeconds(9), schedule.firstPoll("small"));
        assertEquals(Duration.ofSeconds(3), schedule.firstPoll("new"), "an account with nothing seen yet");
        assertEquals(Duration.ofMillis(4500), schedule.nextPoll("new", 1));
    }

    @Test
    void aPollAfterALongWaitCountsTheWaitsStart() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 16; i++) {
            // Seen Active at the third poll, 14.25 s in, after one at 7.5 s (the waiter's waits of 4.5 and 6.75 s).
            schedule.activeAfter("a", Duration.ofMillis(14_250), 3);
        }
        assertEquals(Duration.ofMillis(7_500 - 1_000), schedule.firstPoll("a"));
    }

    @Test
    void aPollAfterABriskWaitCountsTheMiddleOfTheWait() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 16; i++) {
            schedule.learn("a", Duration.ofSeconds(9));
        }
        for (int i = 0; i < 64; i++) {
            // The first poll at 8 s, then brisk ones: seen Active at the third, 10 s in, after one at 9 s.
            schedule.activeAfter("a", Duration.ofSeconds(10), 3);
        }
        assertEquals(Duration.ofMillis(9_500 - 1_000), schedule.firstPoll("a"));
    }

    @Test
    void anEstimateThatCameOutLateComesDownWhenFirstPollsSeeTheEndpointsActive() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 64; i++) {
            schedule.learn("a", Duration.ofSeconds(20));
        }
        assertEquals(Duration.ofSeconds(19), schedule.firstPoll("a"));
        // Endpoints truly Active at 10 s, seen at the first poll each time, which runs 3 s late: the estimate walks
        // down all the same.
        Duration first = schedule.firstPoll("a");
        for (int round = 0; round < 20 && first.compareTo(Duration.ofSeconds(10)) > 0; round++) {
            for (int i = 0; i < 64; i++) {
                schedule.activeAfter("a", first.plusSeconds(3), 1);
            }
            Duration next = schedule.firstPoll("a");
            assertTrue(next.compareTo(first) < 0, "came down from " + first + " to " + next);
            first = next;
        }
        assertTrue(first.compareTo(Duration.ofSeconds(10)) <= 0, "down to the endpoints' own time: " + first);
    }

    @Test
    void polledByItsOwnScheduleTheFirstPollSettlesJustBeforeTheEndpointsTime() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        java.util.Random late = new java.util.Random(29);
        Duration activeAt = Duration.ofSeconds(10);
        int polls = 0;
        for (int endpoint = 0; endpoint < 1_000; endpoint++) {
            // Each poll runs up to 0.2 s after it was due, as a busy reconciler's do.
            Duration at = schedule.firstPoll("a").plusMillis(late.nextInt(200));
            int n = 1;
            while (at.compareTo(activeAt) < 0) {
                at = at.plus(schedule.nextPoll("a", n)).plusMillis(late.nextInt(200));
                n++;
            }
            schedule.activeAfter("a", at, n);
            if (endpoint >= 500) {
                polls += n;
            }
        }
        Duration first = schedule.firstPoll("a");
        assertTrue(first.compareTo(Duration.ofMillis(8_000)) >= 0 && first.compareTo(Duration.ofMillis(10_000)) < 0,
                "the first poll settles within a couple of seconds before the endpoints' 10 s: " + first);
        // Two or three looks an endpoint, the last within a second of its turning Active: the notice is what matters
        // to a caller (half a second past the median instead cost a small account's endpoints 3 s under load).
        assertTrue(polls / 500.0 < 3.0, "polls an endpoint: " + polls / 500.0);
    }
}
