package za.voelgoed.platform.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An organisation's telemetry across every node: the body of {@code GET /api/orgs/{org}/telemetry} and the
 * data of {@code telemetry.snapshot.v1}. Rates and latencies cover the last {@link SecondWindow#SECONDS}
 * whole seconds; drops are counted since each node started; the rest is as of now.
 *
 * @param nodes                live backend nodes (each reports every second)
 * @param eventsPerSecond      domain events committed per second, by base type ({@code ticket.sold})
 * @param jobBacklog           jobs waiting to run (available, scheduled, retryable) per queue kind
 * @param pausedQueues         the kinds of the organisation's paused queues
 * @param dlqDepth             dead letters with status dead
 * @param inventoryDrift       differences the drift checker last found, summed over the organisation's shows
 */
public record OrgTelemetrySnapshot(UUID organizationId, Instant takenAt, int nodes, Map<String, Double> eventsPerSecond,
                                   double eventsPerSecondTotal, PushLatency pushLatencyMs, long droppedMessages,
                                   long websocketConnections, Map<String, Long> jobBacklog, List<String> pausedQueues,
                                   long dlqDepth, long inventoryDrift) {

    /** Commit (outbox) to push (a socket's write), over the pushes of the window: one sample per socket written. */
    public record PushLatency(double p50, double p99, long samples) {
    }

    /** What PostgreSQL and Redis say of the organisation as a whole (not per node). */
    record Totals(Map<String, Long> jobBacklog, List<String> pausedQueues, long dlqDepth, long inventoryDrift) {
    }

    /** Sums the nodes' figures: counts and buckets add up, so the percentiles are those of all nodes' samples. */
    static OrgTelemetrySnapshot of(UUID org, Instant takenAt, int nodes, List<NodeFigures> figures, Totals totals) {
        Map<String, Long> emitted = new TreeMap<>();
        Map<Integer, Long> buckets = new TreeMap<>();
        long dropped = 0;
        long connections = 0;
        for (NodeFigures f : figures) {
            f.emitted().forEach((type, n) -> emitted.merge(type, n, Long::sum));
            f.pushLatency().forEach((bucket, n) -> buckets.merge(bucket, n, Long::sum));
            dropped += f.dropped();
            connections += f.connections();
        }
        Map<String, Double> rates = new TreeMap<>();
        emitted.forEach((type, n) -> rates.put(type, rate(n)));
        long total = emitted.values().stream().mapToLong(Long::longValue).sum();
        long samples = buckets.values().stream().mapToLong(Long::longValue).sum();
        PushLatency latency = new PushLatency(LatencyBuckets.quantile(buckets, 0.50),
                LatencyBuckets.quantile(buckets, 0.99), samples);
        return new OrgTelemetrySnapshot(org, takenAt, Math.max(nodes, figures.size()), rates, rate(total), latency,
                dropped, Math.max(0, connections), totals.jobBacklog(), totals.pausedQueues(), totals.dlqDepth(),
                totals.inventoryDrift());
    }

    private static double rate(long count) {
        return Math.round(count * 1000.0 / SecondWindow.SECONDS) / 1000.0;
    }
}
