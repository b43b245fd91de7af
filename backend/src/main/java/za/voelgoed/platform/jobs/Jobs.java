package za.voelgoed.platform.jobs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.PiiScrubber;

/**
 * Enqueueing and queue control, for slices and operators. {@link #enqueue(DSLContext, JobRequest)} joins
 * the caller's transaction: a domain action and its job commit together or not at all, and the wake-up
 * NOTIFY is delivered only on commit. Args are scrubbed of card data and addresses before they are stored.
 */
public final class Jobs {

    private final DSLContext dsl;
    private final WorkerRegistry workers;
    private final PiiScrubber scrubber = new PiiScrubber();

    public Jobs(DSLContext dsl, WorkerRegistry workers) {
        this.dsl = dsl;
        this.workers = workers;
    }

    public WorkerRegistry workers() {
        return workers;
    }

    /** Enqueues in the caller's transaction {@code tx}. Throws {@link InvalidJobException} on bad input. */
    public Enqueued enqueue(DSLContext tx, JobRequest request) {
        Worker worker = workers.validate(request);
        Enqueued result = insert(tx, worker, request);
        if (!result.duplicate()) {
            JobStore.notifyKind(tx, worker.queue());
        }
        return result;
    }

    private Enqueued insert(DSLContext tx, Worker worker, JobRequest request) {
        QueueName queue = new QueueName(request.organizationId(), worker.queue());
        int maxAttempts = request.maxAttempts() != null ? request.maxAttempts() : worker.maxAttempts();
        return JobStore.insert(tx, queue, worker.name(), worker.eventType(), scrubbed(request), maxAttempts);
    }

    /**
     * Args are stored (and so handed to the worker, shown by the DLQ routes, kept after a discard) without
     * card data or addresses: a job carries a reference to what it needs, never the secret itself.
     */
    private JobRequest scrubbed(JobRequest request) {
        return new JobRequest(request.worker(), request.organizationId(), scrubber.scrub(request.args()),
                request.runAt(), request.priority(), request.uniqueKey(), request.maxAttempts());
    }

    /** Enqueues in a transaction of its own. */
    public Enqueued enqueue(JobRequest request) {
        return dsl.transactionResult(cfg -> enqueue(cfg.dsl(), request));
    }

    /** Enqueues many jobs in one transaction (all valid, or none enqueued). */
    public List<Enqueued> enqueueAll(List<JobRequest> requests) {
        requests.forEach(workers::validate);
        return dsl.transactionResult(cfg -> {
            List<Enqueued> results = new ArrayList<>(requests.size());
            Set<QueueKind> kinds = EnumSet.noneOf(QueueKind.class);
            for (JobRequest request : requests) {
                Worker worker = workers.validate(request);
                results.add(insert(cfg.dsl(), worker, request));
                kinds.add(worker.queue());
            }
            kinds.forEach(kind -> JobStore.notifyKind(cfg.dsl(), kind));
            return results;
        });
    }

    /** Stops every node from claiming jobs of the queue; jobs already running finish. */
    public void pause(QueueName queue) {
        dsl.transaction(cfg -> setPaused(cfg.dsl(), queue, true));
    }

    public void resume(QueueName queue) {
        dsl.transaction(cfg -> setPaused(cfg.dsl(), queue, false));
    }

    /**
     * Pauses or resumes the queue in the caller's transaction {@code tx} (an operator's action, with its audit
     * event); a resume wakes the nodes' producers once it commits.
     */
    public void setPaused(DSLContext tx, QueueName queue, boolean paused) {
        tx.execute("""
                insert into job_queues (name, organization_id, kind, paused) values (?, ?, ?, ?)
                on conflict (name) do update set paused = excluded.paused, updated_at = now()""",
                queue.toString(), queue.organizationId(), queue.kind().wire(), paused);
        if (!paused) {
            JobStore.notifyKind(tx, queue.kind());
        }
    }

    /** Every queue of an organisation with its pause flag and job counts (from the counters). */
    public List<QueueStatus> queues(UUID org) {
        Map<String, Boolean> paused = new java.util.HashMap<>();
        dsl.fetch("select name, paused from job_queues where organization_id = ?", org)
                .forEach(r -> paused.put(r.get(0, String.class), r.get(1, Boolean.class)));
        Map<String, Map<String, Long>> counts = new java.util.HashMap<>();
        dsl.fetch("select queue, state, count from job_counts where queue like ?", "queue:org:" + org + ":%")
                .forEach(r -> counts.computeIfAbsent(r.get(0, String.class), k -> new java.util.TreeMap<>())
                        .put(r.get(1, String.class), r.get(2, Long.class)));
        List<QueueStatus> result = new ArrayList<>();
        for (QueueKind kind : QueueKind.values()) {
            String name = new QueueName(org, kind).toString();
            result.add(new QueueStatus(name, kind.wire(), paused.getOrDefault(name, false),
                    counts.getOrDefault(name, Map.of())));
        }
        return result;
    }

    /**
     * An organisation's jobs waiting to run (available, scheduled or retryable) per queue kind, its paused
     * kinds, and its dead letters still dead, from the counters (never a count over jobs): as fresh as the
     * last fold of the counter deltas, a few seconds at most.
     */
    public Backlog backlog(UUID org) {
        String prefix = "queue:org:" + org + ":";
        Map<String, Long> waiting = new java.util.LinkedHashMap<>();
        for (QueueKind kind : QueueKind.values()) {
            waiting.put(kind.wire(), 0L);
        }
        long dead = 0;
        for (var r : dsl.fetch("select queue, state, count from job_counts where queue like ?", prefix + "%")) {
            String rest = r.get(0, String.class).substring(prefix.length());
            String state = r.get(1, String.class);
            long count = r.get(2, Long.class);
            if (rest.startsWith("dlq:")) {
                dead += state.equals(DeadLetter.DEAD) ? count : 0;
            } else if (WAITING.contains(state) && waiting.containsKey(rest)) {
                waiting.merge(rest, count, Long::sum);
            }
        }
        List<String> paused = dsl.fetch(
                "select kind from job_queues where organization_id = ? and paused order by kind", org)
                .map(r -> r.get(0, String.class));
        return new Backlog(waiting, paused, Math.max(0, dead));
    }

    private static final Set<String> WAITING = Set.of(JobState.AVAILABLE.wire(), JobState.SCHEDULED.wire(),
            JobState.RETRYABLE.wire());

    /** Waiting jobs per queue kind (every kind, 0 when none), paused kinds, and the dead letters still dead. */
    public record Backlog(Map<String, Long> waiting, List<String> paused, long deadLetters) {
    }

    /** A queue as operators see it. */
    public record QueueStatus(String name, String kind, boolean paused, Map<String, Long> counts) {
    }
}
