package za.voelgoed.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of latencies given in nanoseconds, reported in milliseconds. A percentile is the
 * nearest-rank value of the sorted samples (the smallest sample with at least that share of samples at or
 * below it); an empty set gives zeros.
 */
record LatencyStats(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {

    static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.90)), ms(at(sorted, 0.99)),
                ms(at(sorted, 0.999)), ms(sorted[sorted.length - 1]));
    }

    private static long at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    String describe() {
        return String.format(Locale.ROOT, "n=%d p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms",
                count, p50Ms, p90Ms, p99Ms, p999Ms, maxMs);
    }

    String json() {
        return String.format(Locale.ROOT,
                "\"count\":%d,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"max_ms\":%.2f",
                count, p50Ms, p90Ms, p99Ms, p999Ms, maxMs);
    }
}
