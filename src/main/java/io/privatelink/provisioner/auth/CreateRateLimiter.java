package io.privatelink.provisioner.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.job.JobOwner;

/**
 * A token bucket per caller for CreateVpcEndpoint, so that one caller cannot spend the cloud account's API quota for
 * everyone. Buckets live in this instance; an idle caller's full bucket is forgotten.
 */
@ApplicationScoped
public class CreateRateLimiter {

    private static final int FORGET_ABOVE = 10_000;

    private final AuthConfig config;
    private final Map<JobOwner, Bucket> buckets = new ConcurrentHashMap<>();

    public CreateRateLimiter(AuthConfig config) {
        this.config = config;
    }

    /** Takes one call from the caller's bucket: 0 when it may go, else the whole seconds until it may. */
    public long acquire(JobOwner caller) {
        if (buckets.size() > FORGET_ABOVE) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        AuthConfig.RateLimit limit = config.tenantRateLimits().getOrDefault(caller.tenant(), config.rateLimit());
        return buckets.computeIfAbsent(caller, c -> new Bucket(limit.perSecond(), limit.burst())).take(System.nanoTime());
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.capacity = Math.max(1, burst);
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }
}
