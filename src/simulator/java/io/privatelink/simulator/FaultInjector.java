package io.privatelink.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Decides, call by call, which of the configured faults strike. */
final class FaultInjector {

    /** What happens to one call before (or instead of) its action. */
    record Verdict(SimulatorException error, boolean drop, long delayMillis, boolean stuck) {
    }

    private Faults faults = Faults.none();
    private final Map<String, Deque<String>> forced = new HashMap<>();
    private final Map<String, long[]> windows = new HashMap<>();

    synchronized void set(Faults next) {
        faults = next == null ? Faults.none() : next;
        forced.clear();
        windows.clear();
        if (faults.forced() != null) {
            for (Faults.Forced f : faults.forced()) {
                Deque<String> queue = forced.computeIfAbsent(f.action(), a -> new ArrayDeque<>());
                for (int i = 0; i < f.count(); i++) {
                    queue.add(f.code());
                }
            }
        }
    }

    synchronized Faults get() {
        return faults;
    }

    synchronized Verdict judge(String action, long nowMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long delay = (faults.latencyMillis() == null ? 0 : faults.latencyMillis())
                + (faults.latencyJitterMillis() == null || faults.latencyJitterMillis() <= 0 ? 0
                        : random.nextLong(faults.latencyJitterMillis() + 1L));
        boolean stuck = Boolean.TRUE.equals(faults.stuckCreating());
        if (random.nextDouble() < faults.rate(faults.dropRate())) {
            return new Verdict(null, true, delay, stuck);
        }
        Deque<String> queue = forced.get(action);
        if (queue != null && !queue.isEmpty()) {
            return new Verdict(SeedErrors.of(queue.poll()), false, delay, stuck);
        }
        if (overLimit(action, nowMillis) || random.nextDouble() < faults.rate(faults.throttleRate())) {
            return new Verdict(SeedErrors.of("Throttling.User"), false, delay, stuck);
        }
        if (random.nextDouble() < faults.rate(faults.serviceUnavailableRate())) {
            return new Verdict(SeedErrors.of("ServiceUnavailable"), false, delay, stuck);
        }
        if (random.nextDouble() < faults.rate(faults.internalErrorRate())) {
            return new Verdict(SeedErrors.of("InternalError"), false, delay, stuck);
        }
        if (random.nextDouble() < faults.rate(faults.readTimeoutRate())) {
            delay += faults.hangMillis() == null ? 15_000 : faults.hangMillis();
        }
        return new Verdict(null, false, delay, stuck);
    }

    /** A fixed one-second window per action: the call beyond the limit in a window is throttled. */
    private boolean overLimit(String action, long nowMillis) {
        Integer limit = faults.qpsLimits() == null ? null : faults.qpsLimits().get(action);
        if (limit == null) {
            return false;
        }
        long second = nowMillis / 1000;
        long[] window = windows.computeIfAbsent(action, a -> new long[] {second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        return ++window[1] > limit;
    }
}
