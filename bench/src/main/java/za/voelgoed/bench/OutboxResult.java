package za.voelgoed.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import za.voelgoed.shared.json.Json;

/**
 * The figures of one outbox-bench run, over the measured events only.
 * <ul>
 *   <li>committed/s: measured events / measured seconds (what the writers achieved);</li>
 *   <li>delivered/s: measured events received / (last receipt − first measured commit);</li>
 *   <li>latency: receipt − commit per received event; a receipt recorded before the writer recorded its
 *       commit (dispatch can beat the writer's bookkeeping) counts as 0 and is counted as negative;</li>
 *   <li>missing: committed but not received within the wait; duplicates: ids received more than once;
 *       late: sends that started more than 1 ms after their pacer slot; failed: transactions that threw;</li>
 *   <li>cpu: machine and bench-JVM CPU over the measured window ({@link CpuUse}).</li>
 * </ul>
 */
record OutboxResult(int nodes, OutboxBench.Settings settings, int committed, int received, long missing,
                    long duplicates, long negatives, long late, long failures, String firstFailure,
                    double committedPerSecond, double deliveredPerSecond, LatencyStats latency, CpuUse cpu) {

    static final double GOAL_P99_MS = 25;
    static final int GOAL_RATE = 2000;

    static OutboxResult of(int nodes, OutboxBench.Settings settings, WriterLoad load, Receiver receiver) {
        List<UUID> measured = load.measured();
        long[] latencies = new long[measured.size()];
        int received = 0;
        long negatives = 0;
        long firstCommit = Long.MAX_VALUE;
        long lastReceipt = Long.MIN_VALUE;
        for (UUID id : measured) {
            long committedAt = load.committedAt(id);
            firstCommit = Math.min(firstCommit, committedAt);
            Long receivedAt = receiver.receivedAt(id);
            if (receivedAt == null) {
                continue;
            }
            long nanos = receivedAt - committedAt;
            if (nanos < 0) {
                negatives++;
                nanos = 0;
            }
            latencies[received++] = nanos;
            lastReceipt = Math.max(lastReceipt, receivedAt);
        }
        double committedPerSecond = measured.size() / (load.measuredNanos() / 1e9);
        double deliveredPerSecond = received == 0 ? 0 : received / ((lastReceipt - firstCommit) / 1e9);
        LatencyStats latency = LatencyStats.of(Arrays.copyOf(latencies, received));
        return new OutboxResult(nodes, settings, measured.size(), received, measured.size() - received,
                receiver.duplicates(), negatives, load.late(), load.failures(), load.firstFailure(),
                committedPerSecond, deliveredPerSecond, latency, load.cpu());
    }

    /** The human-readable block, then the {@code RESULT {json}} line. */
    void print(String commandLine) {
        String rate = settings.rate() == 0 ? "unpaced (throughput mode)" : settings.rate() + "/s";
        String failure = firstFailure.isEmpty() ? "" : " (first: " + firstFailure + ")";
        System.out.println("=== outbox bench: " + nodes + " node(s) ===");
        line("settings  nodes %d, rate %s, writers %d, resources %d, warm-up %d s, measured %d s", nodes, rate,
                settings.writers(), settings.resources(), settings.warmup(), settings.seconds());
        line("machine   java %s, %d available processors; args: %s", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), commandLine);
        line("commits   %d measured = %.1f/s; late sends %d (>1 ms behind slot); failed %d%s", committed,
                committedPerSecond, late, failures, failure);
        line("delivery  %d received = %.1f/s committed-and-delivered; missing %d, duplicates %d,"
                + " negative (clamped to 0) %d", received, deliveredPerSecond, missing, duplicates, negatives);
        line("latency   commit -> subscriber: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                latency.p50Ms(), latency.p90Ms(), latency.p99Ms(), latency.p999Ms(), latency.maxMs());
        line("cpu       over the measured window: %s", cpu.describe());
        System.out.println("RESULT " + Json.write(json(commandLine)));
    }

    private static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private ObjectNode json(String commandLine) {
        ObjectNode json = Json.object().put("bench", "outbox").put("nodes", nodes).put("rate_target", settings.rate())
                .put("writers", settings.writers()).put("resources", settings.resources())
                .put("warmup_s", settings.warmup()).put("seconds", settings.seconds())
                .put("committed", committed).put("committed_per_s", round(committedPerSecond, 1))
                .put("received", received).put("delivered_per_s", round(deliveredPerSecond, 1))
                .put("missing", missing).put("duplicates", duplicates).put("negative_clamped", negatives)
                .put("late", late).put("failed", failures)
                .put("p50_ms", round(latency.p50Ms(), 2)).put("p90_ms", round(latency.p90Ms(), 2))
                .put("p99_ms", round(latency.p99Ms(), 2)).put("p999_ms", round(latency.p999Ms(), 2))
                .put("max_ms", round(latency.maxMs(), 2));
        json.put("cpu_machine_pct", round(cpu.machinePercent(), 0)).put("cpu_stolen_pct", round(cpu.stolenPercent(), 0))
                .put("cpu_jvm_pct", round(cpu.jvmPercent(), 0))
                .put("cpu_outside_jvm_pct", round(cpu.outsidePercent(), 0))
                .put("load_avg", round(cpu.loadAverage(), 2));
        return json.put("jvm", Runtime.version().toString())
                .put("cpus", Runtime.getRuntime().availableProcessors()).put("args", commandLine);
    }

    /** The runs side by side, and the verdict on the goal when a two-node run was at its rate. */
    static void printTable(List<OutboxResult> results) {
        System.out.println();
        System.out.println("=== outbox bench: summary ===");
        System.out.println("nodes | target/s | committed/s | delivered/s |   p50 ms |   p90 ms |   p99 ms | p99.9 ms |"
                + "   max ms | missing | dup | late");
        for (OutboxResult r : results) {
            String target = r.settings.rate() == 0 ? "max" : Integer.toString(r.settings.rate());
            LatencyStats l = r.latency;
            line("%5d | %8s | %11.1f | %11.1f | %8.2f | %8.2f | %8.2f | %8.2f | %8.2f | %7d | %3d | %d", r.nodes,
                    target, r.committedPerSecond, r.deliveredPerSecond, l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(),
                    l.maxMs(), r.missing, r.duplicates, r.late);
        }
        results.stream().filter(r -> r.nodes == 2 && r.settings.rate() == GOAL_RATE).forEach(r -> line(
                "goal: p99 < %.0f ms at %d events/s on 2 nodes: %s (p99 %.2f ms, %.1f/s committed, %d missing)",
                GOAL_P99_MS, GOAL_RATE, r.meetsGoal() ? "MET" : "MISSED", r.latency.p99Ms(), r.committedPerSecond,
                r.missing));
    }

    /** p99 under the goal, the rate held (within 1%) and nothing lost. */
    boolean meetsGoal() {
        return latency.p99Ms() < GOAL_P99_MS && committedPerSecond >= 0.99 * GOAL_RATE && missing == 0;
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
