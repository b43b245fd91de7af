package za.voelgoed.console;

import java.util.Arrays;

/** Gaps between FX heartbeats ({@link FxHeartbeat}) in a ring of the last 60 000, for percentiles; thread-safe. */
final class PulseGaps {

    private static final int CAPACITY = 60_000;

    private final long[] ring = new long[CAPACITY];
    private int next;
    private long count;
    private long max;

    synchronized void record(long gapNanos) {
        ring[next] = gapNanos;
        next = (next + 1) % CAPACITY;
        count++;
        max = Math.max(max, gapNanos);
    }

    /** The gap (ms) below which {@code fraction} of the recorded gaps fall; 0 when none. */
    synchronized double percentileMs(double fraction) {
        int n = (int) Math.min(count, CAPACITY);
        if (n == 0) {
            return 0;
        }
        long[] copy = Arrays.copyOf(ring, n);
        Arrays.sort(copy);
        int index = (int) Math.min(n - 1, Math.ceil(fraction * n) - 1);
        return copy[Math.max(0, index)] / 1e6;
    }

    synchronized double maxMs() {
        return max / 1e6;
    }

    synchronized long count() {
        return count;
    }

    synchronized void reset() {
        next = 0;
        count = 0;
        max = 0;
    }
}
