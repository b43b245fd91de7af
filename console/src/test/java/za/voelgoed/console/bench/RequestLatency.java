package za.voelgoed.console.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load's request latencies in whole milliseconds (the last bucket takes everything from 30 s on), safe
 * for many clients at once. With the mean and the request rate, Little's law gives how many requests were in
 * flight on average: a load with fewer clients than that cannot offer its rate.
 */
final class RequestLatency {

    private static final int BUCKETS = 30_001;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder totalNanos = new LongAdder();
    private final LongAdder requests = new LongAdder();

    void record(long nanos) {
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, nanos / 1_000_000));
        totalNanos.add(nanos);
        requests.increment();
    }

    long requests() {
        return requests.sum();
    }

    double meanMillis() {
        long n = requests.sum();
        return n == 0 ? 0 : totalNanos.sum() / 1e6 / n;
    }

    /** The latency at quantile {@code q} (0 to 1), as the upper edge of its millisecond; 0 with no requests. */
    long quantileMillis(double q) {
        long n = requests.sum();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int ms = 0; ms < BUCKETS; ms++) {
            seen += counts.get(ms);
            if (seen >= rank) {
                return ms + 1;
            }
        }
        return BUCKETS;
    }
}
