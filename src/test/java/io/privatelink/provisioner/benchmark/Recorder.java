package io.privatelink.provisioner.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and outcomes of one measured run, from many threads. */
final class Recorder {

    private long[] nanos = new long[1 << 16];
    private int count;
    private final Map<String, Long> outcomes = new TreeMap<>();

    synchronized void record(long latencyNanos, String outcome) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
        outcomes.merge(outcome, 1L, Long::sum);
    }

    synchronized int count() {
        return count;
    }

    synchronized long outcome(String name) {
        return outcomes.getOrDefault(name, 0L);
    }

    synchronized Map<String, Long> outcomes() {
        return new TreeMap<>(outcomes);
    }

    /** The q-quantile (0 to 1) in milliseconds. */
    synchronized double millis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = Math.max(0, (int) Math.ceil(q * count) - 1);
        return sorted[Math.min(count - 1, rank)] / 1e6;
    }
}
