package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    };

    @Test
    void withoutEnoughActiveEndpointsSeenPollsFollowTerraformsWaiter() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 15; i++) {
            schedule.activeAfter(Duration.ofSeconds(10));
        }
        assertEquals(Duration.ofSeconds(3), schedule.firstPoll());
        assertEquals(Duration.ofMillis(4500), schedule.nextPoll(1));
        assertEquals(Duration.ofSeconds(10), schedule.nextPoll(5));
    }

    @Test
    void onceEndpointsAreSeenTurningActiveTheFirstPollGoesJustBeforeTheirMedianAndTheNextFollowBriskly() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 40; i++) {
            schedule.activeAfter(Duration.ofSeconds(i % 2 == 0 ? 10 : 30));
        }
        schedule.activeAfter(Duration.ofSeconds(12));
        assertEquals(Duration.ofSeconds(11), schedule.firstPoll(), "median 12 s, less a second");
        assertEquals(Duration.ofSeconds(1), schedule.nextPoll(1));
        assertEquals(Duration.ofSeconds(1), schedule.nextPoll(3));
        assertEquals(Duration.ofSeconds(10), schedule.nextPoll(4));
    }

    @Test
    void fastEndpointsNeverBringTheFirstPollBeforeTheConfiguredOne() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS);
        for (int i = 0; i < 64; i++) {
            schedule.activeAfter(Duration.ofSeconds(2));
        }
        assertEquals(Duration.ofSeconds(3), schedule.firstPoll());
    }
}
