package io.privatelink.provisioner.provisioning;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.config.ProvisionerConfig;

/**
 * When to try again: exponential backoff with full jitter for create calls, and for polls an interval that starts at
 * about 3 s and grows by half each poll to 10 s, as Terraform's waiter does. Once enough endpoints have turned Active,
 * the first poll of a new one goes where they usually turn Active (the median time seen, less a second), and the
 * next few follow a second apart: an endpoint is then seen Active soon after it is, with a poll or two, instead of up
 * to a growing interval later.
 */
@ApplicationScoped
public class RetrySchedule {

    /** Endpoints seen turning Active before the estimate is used. */
    private static final int ENOUGH = 16;
    private static final int BRISK_POLLS = 3;
    private static final Duration BRISK = Duration.ofSeconds(1);

    private final ProvisionerConfig.Retry retry;
    private final long[] activeAfterMillis = new long[64];
    private long seen;
    /** The median of the window, kept as it changes (once per Active endpoint), read by every poll; null until enough. */
    private volatile Duration median;

    @jakarta.inject.Inject
    public RetrySchedule(ProvisionerConfig config) {
        this(config.retry());
    }

    RetrySchedule(ProvisionerConfig.Retry retry) {
        this.retry = retry;
    }

    /** Full jitter: a uniform delay between zero and min(cap, base * 2^(attempt-1)). */
    public Duration afterFailedAttempt(int attempt) {
        long ceiling = Math.min(retry.maxDelay().toMillis(),
                retry.baseDelay().toMillis() << Math.min(Math.max(attempt - 1, 0), 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** When to poll a new endpoint first. */
    public Duration firstPoll() {
        Duration usual = retry.firstPoll();
        Duration seenMedian = median;
        if (seenMedian == null) {
            return usual;
        }
        Duration informed = seenMedian.minus(BRISK);
        boolean usable = informed.compareTo(usual) > 0 && informed.compareTo(retry.activeDeadline()) < 0;
        return usable ? informed : usual;
    }

    /** The wait after the given number of answered polls. */
    public Duration nextPoll(int polls) {
        if (polls <= BRISK_POLLS && median != null) {
            return BRISK;
        }
        double factor = Math.pow(1.5, Math.min(polls, 10));
        long millis = (long) Math.min(retry.maxPoll().toMillis(), retry.firstPoll().toMillis() * factor);
        return Duration.ofMillis(millis);
    }

    /** A poll saw an endpoint Active this long after its create call answered. */
    public synchronized void activeAfter(Duration sinceCreated) {
        activeAfterMillis[(int) (seen++ % activeAfterMillis.length)] = sinceCreated.toMillis();
        if (seen >= ENOUGH) {
            long[] window = Arrays.copyOf(activeAfterMillis, (int) Math.min(seen, activeAfterMillis.length));
            Arrays.sort(window);
            median = Duration.ofMillis(window[window.length / 2]);
        }
    }
}
