package za.voelgoed.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/orgs/{org}/telemetry}, also pushed as {@code telemetry.snapshot} on {@code analytics:org:{org}}:
 * the organisation's numbers summed over the backend's nodes.
 */
public record Telemetry(UUID organizationId, Instant takenAt, int nodes, Map<String, Double> eventsPerSecond,
                        double eventsPerSecondTotal, Latency pushLatencyMs, long droppedMessages,
                        long websocketConnections, Map<String, Long> jobBacklog, List<String> pausedQueues,
                        long dlqDepth, long inventoryDrift) {

    public Telemetry {
        eventsPerSecond = eventsPerSecond == null ? Map.of() : Map.copyOf(eventsPerSecond);
        jobBacklog = jobBacklog == null ? Map.of() : Map.copyOf(jobBacklog);
        pausedQueues = pausedQueues == null ? List.of() : List.copyOf(pausedQueues);
        pushLatencyMs = pushLatencyMs == null ? new Latency(0, 0, 0) : pushLatencyMs;
    }

    /** Commit-to-push latency over the recent window. */
    public record Latency(double p50, double p99, long samples) {
    }
}
