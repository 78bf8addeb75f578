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
 * to a growing interval later. Learned per account: one account's polls held back by its own pacing (a burst's) would
 * otherwise teach every other account to poll late.
 */
@ApplicationScoped
public class RetrySchedule {

    /** Endpoints seen turning Active before the estimate is used. */
    private static final int ENOUGH = 16;
    private static final int BRISK_POLLS = 3;
    private static final Duration BRISK = Duration.ofSeconds(1);

    private final ProvisionerConfig.Retry retry;
    private final java.util.Map<String, Window> byAccount = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** When to poll a new endpoint of this account first. */
    public Duration firstPoll(String account) {
        Duration usual = retry.firstPoll();
        Duration seenMedian = window(account).median;
        if (seenMedian == null) {
            return usual;
        }
        Duration informed = seenMedian.minus(BRISK);
        boolean usable = informed.compareTo(usual) > 0 && informed.compareTo(retry.activeDeadline()) < 0;
        return usable ? informed : usual;
    }

    /** The wait after the given number of answered polls of an endpoint of this account. */
    public Duration nextPoll(String account, int polls) {
        if (polls <= BRISK_POLLS && window(account).median != null) {
            return BRISK;
        }
        double factor = Math.pow(1.5, Math.min(polls, 10));
        long millis = (long) Math.min(retry.maxPoll().toMillis(), retry.firstPoll().toMillis() * factor);
        return Duration.ofMillis(millis);
    }

    /** The wait after the given number of looks at a connection waiting for a person: slow, growing by half. */
    public Duration acceptancePoll(int polls) {
        double factor = Math.pow(1.5, Math.min(polls, 20));
        return Duration.ofMillis((long) Math.min(retry.acceptanceMaxPoll().toMillis(),
                retry.acceptancePoll().toMillis() * factor));
    }

    /**
     * The {@code polls}-th poll saw an endpoint of this account Active this long after its create call answered. A
     * later poll, after one that saw it still on its way, brackets the moment: a brisk wait between the two counts as
     * its middle; a longer one (the waiter's early waits, 4.5 s and more) as its start, since the poll that closes it
     * may also have run late, and an estimate that comes out early costs a brisk poll or two where one that comes out
     * late costs every endpoint's notice the difference (a small account's first endpoints would otherwise teach it
     * to look seconds late). A first poll that already sees it Active only tells that it was Active by then, perhaps
     * long before, and however late that poll ran: it counts a second under the estimate it was scheduled by (or
     * under its own time, if that is less), so that an estimate that came out late comes down again instead of
     * feeding on itself.
     */
    public void activeAfter(String account, Duration sinceCreated, int polls) {
        if (polls > 1) {
            Duration wait = nextPoll(account, polls - 1);
            learn(account, sinceCreated.minus(wait.compareTo(BRISK) > 0 ? wait : wait.dividedBy(2)));
            return;
        }
        Duration estimate = window(account).median;
        learn(account, (estimate == null || sinceCreated.compareTo(estimate) < 0 ? sinceCreated : estimate)
                .minus(BRISK));
    }

    /** An endpoint of this account turned Active this long after its create call answered, as far as is known. */
    void learn(String account, Duration activeAfter) {
        window(account).add(activeAfter.toMillis());
    }

    private Window window(String account) {
        return byAccount.computeIfAbsent(account, a -> new Window());
    }

    /** The last times to Active of one account, and their median. */
    private static final class Window {
        private final long[] activeAfterMillis = new long[64];
        private long seen;
        /** Kept as it changes (once per Active endpoint), read by every poll; null until enough. */
        private volatile Duration median;

        synchronized void add(long millis) {
            activeAfterMillis[(int) (seen++ % activeAfterMillis.length)] = millis;
            if (seen >= ENOUGH) {
                long[] window = Arrays.copyOf(activeAfterMillis, (int) Math.min(seen, activeAfterMillis.length));
                Arrays.sort(window);
                median = Duration.ofMillis(window[window.length / 2]);
            }
        }
    }
}
