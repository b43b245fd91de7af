package za.voelgoed.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One timed stage of the scans bench: {@code clients} threads loop a step (one HTTP request) for {@code seconds};
 * counted are requests, scans (a batch is many), each scan's result, errors, and the latency of every request.
 */
final class ScanStage {

    /** What one client's request came to. */
    interface Step {
        /** Makes one request; records its scans' results in {@code results} and returns how many scans it made. */
        int run(SplittableRandom random, Results results) throws Exception;
    }

    /** Scan results of a stage, by result, and the tickets answered {@code ok} (a ticket twice is a double). */
    static final class Results {
        private final Map<String, LongAdder> byResult = new ConcurrentHashMap<>();
        private final Map<String, Boolean> admitted;
        private final LongAdder doubles = new LongAdder();

        Results(Map<String, Boolean> admitted) {
            this.admitted = admitted;
        }

        void record(String result, String ticketId) {
            byResult.computeIfAbsent(result, r -> new LongAdder()).increment();
            if (result.equals("ok") && admitted.putIfAbsent(ticketId, Boolean.TRUE) != null) {
                doubles.increment();
            }
        }

        Map<String, Long> counts() {
            Map<String, Long> out = new TreeMap<>();
            byResult.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        long doubles() {
            return doubles.sum();
        }
    }

    /** What a stage counted. */
    record Outcome(long requests, long scans, long errors, double seconds, LatencyStats latency, Results results) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        double scansPerSecond() {
            return scans / seconds;
        }
    }

    private ScanStage() {
    }

    static Outcome run(int clients, int seconds, Results results, Step step) throws InterruptedException {
        long[] latencies = new long[4_000_000];
        AtomicInteger recorded = new AtomicInteger();
        LongAdder scans = new LongAdder();
        LongAdder errors = new LongAdder();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c * 7919L + seconds);
            threads.add(Thread.ofPlatform().name("bench-client").start(() -> {
                while (System.nanoTime() - end < 0) {
                    long t0 = System.nanoTime();
                    try {
                        scans.add(step.run(random, results));
                    } catch (Exception e) {
                        errors.increment();
                    }
                    int at = recorded.getAndIncrement();
                    if (at < latencies.length) {
                        latencies[at] = System.nanoTime() - t0;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        int n = Math.min(recorded.get(), latencies.length);
        return new Outcome(recorded.get(), scans.sum(), errors.sum(), took, LatencyStats.of(Arrays.copyOf(latencies, n)),
                results);
    }
}
