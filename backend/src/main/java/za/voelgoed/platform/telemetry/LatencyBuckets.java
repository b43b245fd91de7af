package za.voelgoed.platform.telemetry;

import java.util.Map;

/**
 * Latency buckets of about 9 % each (eight per doubling) from 0.1 ms to a minute, so a histogram is a small
 * array any node can add to another's, and percentiles of the sum are those of all samples within a
 * bucket's width. A percentile is reported as its bucket's upper bound: never below the true value.
 */
final class LatencyBuckets {

    private static final double FIRST_MS = 0.1;
    private static final int PER_DOUBLING = 8;
    /** Bucket {@code COUNT - 1} also takes everything slower than its bound (about 60 s). */
    static final int COUNT = 155;

    private LatencyBuckets() {
    }

    /** The bucket of a latency: the first whose upper bound is at or above it. */
    static int of(double millis) {
        if (!(millis > FIRST_MS)) {
            return 0;
        }
        int index = (int) Math.ceil(PER_DOUBLING * (Math.log(millis / FIRST_MS) / Math.log(2)) - 1e-9);
        return Math.min(index, COUNT - 1);
    }

    /** A bucket's upper bound in milliseconds. */
    static double upperBound(int bucket) {
        return FIRST_MS * Math.pow(2, (double) bucket / PER_DOUBLING);
    }

    /** The {@code q}-quantile (0 &lt; q ≤ 1) of the samples counted per bucket; 0 when there are none. */
    static double quantile(Map<Integer, Long> counts, double q) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : new java.util.TreeMap<>(counts).entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return round(upperBound(bucket.getKey()));
            }
        }
        return round(upperBound(COUNT - 1));
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }
}
