package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import za.voelgoed.shared.json.Json;

/** The SQL of the job engine. Times come from the database clock, so nodes never disagree on them. */
final class JobStore {

    static final String NOTIFY_CHANNEL = "voelgoed_jobs";

    private static final String RUNNABLE = "('available', 'scheduled', 'retryable')";
    private static final String LIVE_KEY = "unique_key is not null and state not in ('discarded', 'cancelled')";

    private JobStore() {
    }

    /**
     * Inserts one job, and its queue's row if the queue is new, in the caller's transaction: producers claim
     * through the queue rows, so a job must never commit without one, and taking a second pooled connection
     * for it while the caller holds one could stall a busy node. With a unique key that a live job holds,
     * returns that job marked duplicate.
     */
    static Enqueued insert(DSLContext tx, QueueName queue, String worker, String eventType, JobRequest request,
                           int maxAttempts) {
        OffsetDateTime runAt = request.runAt() == null ? null : request.runAt().atOffset(ZoneOffset.UTC);
        Record row = tx.fetchOptional("""
                with queue as (
                    insert into job_queues (name, organization_id, kind) values (?, ?, ?) on conflict do nothing)
                insert into jobs (queue, organization_id, kind, worker, event_type, args, state, priority,
                                  max_attempts, scheduled_at, unique_key)
                values (?, ?, ?, ?, ?, ?::jsonb,
                        case when ?::timestamptz > now() then 'scheduled' else 'available' end,
                        ?, ?, coalesce(?::timestamptz, now()), ?)
                on conflict (organization_id, unique_key) where %s do nothing
                returning id""".formatted(LIVE_KEY),
                queue.toString(), queue.organizationId(), queue.kind().wire(),
                queue.toString(), queue.organizationId(), queue.kind().wire(), worker, eventType,
                Json.write(request.args()), runAt, request.priority(), maxAttempts, runAt, request.uniqueKey())
                .orElse(null);
        if (row != null) {
            return new Enqueued(row.get(0, Long.class), false);
        }
        long existing = tx.fetchValue("select id from jobs where organization_id = ? and unique_key = ? and "
                + LIVE_KEY, queue.organizationId(), request.uniqueKey()) instanceof Number n ? n.longValue() : -1;
        return new Enqueued(existing, true);
    }

    static void notifyKind(DSLContext tx, QueueKind kind) {
        tx.fetch("select pg_notify(?, ?)", NOTIFY_CHANNEL, kind.wire());
    }

    /**
     * Claims up to {@code limit} runnable jobs of one kind for this node. Every unpaused queue of the
     * kind offers its next jobs; they are taken round-robin (the first of each queue, then the second…),
     * so one organisation's flood never starves another's queue. Each claim gets a new fencing number.
     */
    static List<Claim> claim(DSLContext dsl, QueueKind kind, int limit, String nodeId) {
        return claim(dsl, kind, limit, limit, nodeId);
    }

    /**
     * As above, with each queue offering at most {@code perQueue} jobs. Offered rows are locked even when
     * not taken, so a producer that knows how many queues are busy asks each for its share only.
     */
    static List<Claim> claim(DSLContext dsl, QueueKind kind, int limit, int perQueue, String nodeId) {
        return dsl.fetch("""
                with offered as (
                    select c.id, q.name, c.priority, c.scheduled_at
                    from job_queues q
                    cross join lateral (
                        select j.id, j.priority, j.scheduled_at from jobs j
                        where j.queue = q.name and j.state in %s and j.scheduled_at <= now()
                        order by j.priority, j.scheduled_at, j.id
                        limit ?
                        for update of j skip locked) c
                    where q.kind = ? and not q.paused
                ), ranked as (
                    select id, row_number() over (partition by name order by priority, scheduled_at, id) as turn,
                           priority, scheduled_at
                    from offered
                ), chosen as (
                    select id from ranked order by turn, priority, scheduled_at, id limit ?
                )
                update jobs set state = 'executing', attempt = attempt + 1, attempted_at = now(),
                                attempted_by = ?, claim = nextval('job_claims')
                from chosen where jobs.id = chosen.id
                returning jobs.id, jobs.claim, jobs.queue, jobs.organization_id, jobs.kind, jobs.worker,
                          jobs.event_type, jobs.args, jobs.attempt, jobs.max_attempts, jobs.scheduled_at,
                          jobs.attempted_at, jobs.unique_key""".formatted(RUNNABLE),
                perQueue, kind.wire(), limit, nodeId)
                .map(JobStore::toClaim);
    }

    /** A claim from the first 13 columns of a row, in the order {@link #claim} returns them. */
    static Claim toClaim(Record r) {
        return new Claim(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, UUID.class),
                QueueKind.fromWire(r.get(4, String.class)).orElseThrow(), r.get(5, String.class),
                r.get(6, String.class), Json.tree(r.get(7, JSONB.class).data()), r.get(8, Integer.class),
                r.get(9, Integer.class), r.get(10, OffsetDateTime.class), r.get(11, OffsetDateTime.class),
                r.get(12, String.class));
    }

    /** Marks finished the claims that still hold their jobs; returns the job ids it refused (fenced off). */
    static List<Long> complete(DSLContext dsl, List<Claim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Long[] ids = claims.stream().map(Claim::jobId).toArray(Long[]::new);
        Long[] tokens = claims.stream().map(Claim::claim).toArray(Long[]::new);
        // claim numbers are unique, so "claim among the tokens" pins each row to its own token; id = any()
        // keeps the plan on the primary key (a join with unnest once scanned every executing row per item)
        List<Long> done = dsl.fetch("""
                update jobs set state = 'completed', finished_at = now()
                where id = any(?::bigint[]) and claim = any(?::bigint[]) and state = 'executing'
                returning id""", ids, tokens).map(r -> r.get(0, Long.class));
        java.util.Set<Long> completed = new java.util.HashSet<>(done);
        List<Long> refused = new ArrayList<>();
        for (Long id : ids) {
            if (!completed.contains(id)) {
                refused.add(id);
            }
        }
        return refused;
    }

    /** Schedules another attempt after {@code delayMs}; false when the claim no longer holds the job. */
    static boolean retry(DSLContext dsl, Claim claim, JsonNode error, long delayMs) {
        return dsl.execute("""
                update jobs set state = 'retryable', scheduled_at = now() + make_interval(secs => ? / 1000.0),
                                errors = errors || ?::jsonb
                where id = ? and claim = ? and state = 'executing'""",
                delayMs, Json.write(error), claim.jobId(), claim.claim()) == 1;
    }

    /** Ends the job as discarded and returns its errors; empty when the claim no longer holds the job. */
    static Optional<JsonNode> discard(DSLContext tx, Claim claim, JsonNode error) {
        return tx.fetchOptional("""
                update jobs set state = 'discarded', finished_at = now(), errors = errors || ?::jsonb
                where id = ? and claim = ? and state = 'executing'
                returning errors""", Json.write(error), claim.jobId(), claim.claim())
                .map(r -> Json.tree(r.get(0, JSONB.class).data()));
    }

    /** Gives an unfinished job back (graceful shutdown): the attempt does not count. */
    static boolean release(DSLContext dsl, Claim claim) {
        return dsl.execute("""
                update jobs set state = 'available', attempt = greatest(attempt - 1, 0)
                where id = ? and claim = ? and state = 'executing'""", claim.jobId(), claim.claim()) == 1;
    }

    static boolean recordEffect(DSLContext tx, String key, long jobId) {
        return tx.execute("insert into job_effects (key, job_id) values (?, ?) on conflict do nothing",
                key, jobId) == 1;
    }

    static boolean effectApplied(DSLContext dsl, String key) {
        return dsl.fetchExists(dsl.selectOne().from("job_effects").where("key = ?", key));
    }

    static Instant databaseNow(DSLContext dsl) {
        return dsl.fetchOne("select now()").get(0, OffsetDateTime.class).toInstant();
    }
}
