package io.privatelink.provisioner.cloud;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps the calls of each action under the rate the cloud allows (privatelink.cloud.rate-limits.&lt;Action&gt;, calls a
 * second): each call is given the next free slot. When the cloud throttles anyway, the rate drops by a third and then
 * climbs back slowly with each success (additive increase, multiplicative decrease), so the service paces itself
 * instead of hammering the API.
 */
final class CallPacer {

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    /** @param limits by action, its name in any case (the environment's form of a key is upper case) */
    CallPacer(Map<String, Double> limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanoTime the clock slots are counted on (a test's own, so that a busy machine cannot move them) */
    CallPacer(Map<String, Double> limits, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        limits.forEach((action, rate) -> lanes.put(key(action), new Lane(rate)));
    }

    private static String key(String action) {
        return action.toLowerCase(java.util.Locale.ROOT);
    }

    /** How long the call must wait for its slot; zero for actions without a limit. */
    Duration reserve(String action) {
        Lane lane = lanes.get(key(action));
        return lane == null ? Duration.ZERO : Duration.ofNanos(lane.reserve(nanoTime.getAsLong()));
    }

    /** How long a call made now would wait for its slot, without taking one. */
    Duration backlog(String action) {
        Lane lane = lanes.get(key(action));
        return lane == null ? Duration.ZERO : Duration.ofNanos(lane.backlog(nanoTime.getAsLong()));
    }

    /** Whether calls of this action are paced at all. */
    boolean limits(String action) {
        return lanes.containsKey(key(action));
    }

    /** The time between two slots of an action at its current rate; zero for actions without a limit. */
    Duration interval(String action) {
        Lane lane = lanes.get(key(action));
        return lane == null ? Duration.ZERO : Duration.ofNanos(lane.interval());
    }

    void succeeded(String action) {
        Lane lane = lanes.get(key(action));
        if (lane != null) {
            lane.succeeded();
        }
    }

    void throttled(String action) {
        Lane lane = lanes.get(key(action));
        if (lane != null) {
            lane.throttled();
        }
    }

    /** The current rate of an action (calls a second), for tests and metrics. */
    double rate(String action) {
        Lane lane = lanes.get(key(action));
        return lane == null ? Double.POSITIVE_INFINITY : lane.rate;
    }

    private static final class Lane {
        private final double limit;
        private double rate;
        private long nextSlot;

        Lane(double limit) {
            this.limit = limit;
            this.rate = limit;
        }

        synchronized long reserve(long now) {
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + interval();
            return slot - now;
        }

        synchronized long interval() {
            return (long) (1_000_000_000L / rate);
        }

        synchronized long backlog(long now) {
            return Math.max(0, nextSlot - now);
        }

        synchronized void succeeded() {
            rate = Math.min(limit, rate + limit * 0.02);
        }

        synchronized void throttled() {
            rate = Math.max(limit / 10, rate * 2 / 3);
        }
    }
}
