package za.voelgoed.platform.jobs;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Upkeep shared by all nodes: folding counter deltas into {@code job_counts}, pruning finished jobs, and
 * enqueueing recurring ticks. Each step is safe to run on every node at once.
 */
final class Housekeeping {

    private static final int PRUNE_BATCH = 5_000;
    /** Ticks older than this when first seen are skipped: after a long outage only recent ones run. */
    private static final long RECURRING_CATCH_UP_SECONDS = 60;

    private Housekeeping() {
    }

    /** Folds pending deltas into the counters; a delta row is deleted by exactly one node. */
    static void rollUpCounts(DSLContext dsl) {
        dsl.execute("""
                with moved as (delete from job_count_deltas returning queue, state, delta)
                insert into job_counts (queue, state, count)
                select queue, state, sum(delta) from moved group by queue, state
                on conflict (queue, state) do update set count = job_counts.count + excluded.count""");
    }

    static List<JobTelemetry.QueueCount> counts(DSLContext dsl) {
        return dsl.fetch("select queue, state, count from job_counts").map(r ->
                new JobTelemetry.QueueCount(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class)));
    }

    /** Deletes completed and cancelled jobs finished more than {@code hours} ago; returns how many. */
    static int prune(DSLContext dsl, int hours) {
        return dsl.execute("""
                delete from jobs where id in (
                    select id from jobs where state in ('completed', 'cancelled')
                      and finished_at < now() - make_interval(hours => ?)
                    limit ?)""", hours, PRUNE_BATCH);
    }

    /** Enqueues every tick of every recurring job between the last check and now. */
    static Instant enqueueTicks(Jobs jobs, List<RecurringJob> recurring, Instant lastChecked, Instant now) {
        Instant from = lastChecked.isBefore(now.minusSeconds(RECURRING_CATCH_UP_SECONDS))
                ? now.minusSeconds(RECURRING_CATCH_UP_SECONDS) : lastChecked;
        for (RecurringJob job : recurring) {
            for (Instant tick : job.schedule().ticksBetween(from, now, job.zone(), 100)) {
                jobs.enqueue(job.forTick(tick));
            }
        }
        return now;
    }
}
