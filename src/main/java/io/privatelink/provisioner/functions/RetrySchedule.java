package io.privatelink.provisioner.functions;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** When to try again: exponential backoff with full jitter for create calls, a slowly growing interval for polls. */
@ApplicationScoped
public class RetrySchedule {

    private final ProvisionerConfig.Retry retry;

    public RetrySchedule(ProvisionerConfig config) {
        this.retry = config.retry();
    }

    /** Full jitter: a uniform delay between zero and min(cap, base * 2^(attempt-1)). */
    public Duration afterFailedAttempt(int attempt) {
        long ceiling = Math.min(retry.maxDelay().toMillis(),
                retry.baseDelay().toMillis() << Math.min(Math.max(attempt - 1, 0), 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** About 3 s growing by half each poll to 10 s, as Terraform's waiter does. */
    public Duration nextPoll(int polls) {
        double factor = Math.pow(1.5, Math.min(polls, 10));
        long millis = (long) Math.min(retry.maxPoll().toMillis(), retry.firstPoll().toMillis() * factor);
        return Duration.ofMillis(millis);
    }
}
