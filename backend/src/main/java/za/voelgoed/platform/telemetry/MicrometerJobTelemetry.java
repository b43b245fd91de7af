package za.voelgoed.platform.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import za.voelgoed.platform.jobs.Claim;
import za.voelgoed.platform.jobs.JobTelemetry;

/**
 * Micrometer adapter for the job engine. Jobs by queue and state and the DLQ depth come from the
 * counters table (never a COUNT over jobs); execution time and queue wait are timers per worker.
 */
public final class MicrometerJobTelemetry implements JobTelemetry {

    private static final String DLQ_MARK = ":dlq:";

    private final MeterRegistry registry;
    private final Map<String, Object> meters = new ConcurrentHashMap<>();
    private final MultiGauge jobs;
    private final MultiGauge deadLetters;
    private final MultiGauge backlog;
    private final Counter rescued;

    public MicrometerJobTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.jobs = MultiGauge.builder("voelgoed.jobs").description("Jobs by queue and state").register(registry);
        this.deadLetters = MultiGauge.builder("voelgoed.jobs.dlq.depth")
                .description("Dead letters waiting for an operator, by organisation and event type").register(registry);
        this.backlog = MultiGauge.builder("voelgoed.jobs.backlog")
                .description("Jobs waiting to run (available, scheduled, retryable), by queue kind").register(registry);
        this.rescued = Counter.builder("voelgoed.jobs.rescued")
                .description("Jobs taken back from a node that stopped heartbeating: run again, or dead-lettered on their last attempt").register(registry);
    }

    @Override
    public void started(Claim job, Duration waited) {
        ((Timer) meters.computeIfAbsent("wait|" + job.organizationId() + "|" + job.kind(), k ->
                Timer.builder("voelgoed.jobs.queue_wait")
                        .description("From when a job was due to when a node claimed it")
                        .tags("organization_id", job.organizationId().toString(), "queue_kind", job.kind().wire())
                        .publishPercentileHistogram().register(registry))).record(waited);
    }

    @Override
    public void finished(Claim job, Duration took, String outcome) {
        ((Timer) meters.computeIfAbsent("run|" + job.organizationId() + "|" + job.worker() + "|" + outcome, k ->
                Timer.builder("voelgoed.jobs.execution")
                        .description("Attempt duration by worker and outcome (completed, retry, discarded, fenced)")
                        .tags("organization_id", job.organizationId().toString(), "worker", job.worker(),
                                "outcome", outcome)
                        .register(registry))).record(took);
        if (!outcome.equals("completed")) {
            ((Counter) meters.computeIfAbsent("outcome|" + job.organizationId() + "|" + job.worker() + "|" + outcome,
                    k -> Counter.builder("voelgoed.jobs." + counterName(outcome))
                            .tags("organization_id", job.organizationId().toString(), "worker", job.worker())
                            .register(registry))).increment();
        }
    }

    private static String counterName(String outcome) {
        return switch (outcome) {
            case "retry" -> "retries";
            case "discarded" -> "discards";
            default -> "fenced_completions";
        };
    }

    @Override
    public void rescued(int count) {
        rescued.increment(count);
    }

    @Override
    public void deadLettersPurged(UUID organizationId, String status, int count) {
        ((Counter) meters.computeIfAbsent("purged|" + organizationId + "|" + status, k ->
                Counter.builder("voelgoed.jobs.dlq.purged")
                        .description("Dead letters deleted by the retention, by organisation and status")
                        .tags("organization_id", organizationId.toString(), "status", status)
                        .register(registry))).increment(count);
    }

    @Override
    public void counts(List<QueueCount> counts) {
        List<MultiGauge.Row<?>> jobRows = new ArrayList<>();
        List<MultiGauge.Row<?>> dlqRows = new ArrayList<>();
        Map<String, Long> waiting = new HashMap<>();
        for (QueueCount c : counts) {
            String[] parts = c.queue().split(":");
            String org = parts.length > 2 ? parts[2] : "";
            if (c.queue().contains(DLQ_MARK)) {
                if (c.state().equals("dead")) {
                    dlqRows.add(MultiGauge.Row.of(Tags.of("organization_id", org, "queue", c.queue(),
                            "event_type", parts.length > 4 ? parts[4] : ""), c.count()));
                }
                continue;
            }
            String kind = parts.length > 3 ? parts[3] : "";
            jobRows.add(MultiGauge.Row.of(Tags.of("organization_id", org, "queue", c.queue(), "queue_kind", kind,
                    "state", c.state()), c.count()));
            if (c.state().equals("available") || c.state().equals("scheduled") || c.state().equals("retryable")) {
                waiting.merge(kind, c.count(), Long::sum);
            }
        }
        jobs.register(jobRows, true);
        deadLetters.register(dlqRows, true);
        backlog.register(waiting.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("queue_kind", e.getKey()), e.getValue())).toList(), true);
    }
}
