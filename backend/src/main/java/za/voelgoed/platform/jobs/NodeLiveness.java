package za.voelgoed.platform.jobs;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Heartbeats and rescue. A node proves it is alive by touching its row; every node's rescuer removes
 * nodes whose heartbeat is older than the timeout by the database clock and takes back their executing
 * jobs. A node that was only stalled finds its claims fenced off when it wakes.
 */
final class NodeLiveness {

    /** The main select reads the rows as they were before the update: the claim of the dead node's attempt. */
    private static final String RESCUE = """
            with dead as (
                delete from job_nodes where heartbeat_at < now() - make_interval(secs => ? / 1000.0)
                returning node_id
            ), orphaned as (
                select id from jobs
                where state = 'executing'
                  and (attempted_by in (select node_id from dead)
                       or not exists (select 1 from job_nodes n where n.node_id = jobs.attempted_by))
                for update skip locked
            ), retried as (
                update jobs set state = 'available', errors = errors || jsonb_build_array(jsonb_build_object(
                        'attempt', attempt, 'at', now(), 'node', attempted_by,
                        'error', 'rescued: node ' || coalesce(attempted_by, '?') || ' stopped heartbeating'))
                from orphaned
                where jobs.id = orphaned.id and jobs.attempt < jobs.max_attempts
                returning jobs.id
            )
            select j.id, j.claim, j.queue, j.organization_id, j.kind, j.worker, j.event_type, j.args, j.attempt,
                   j.max_attempts, j.scheduled_at, j.attempted_at, j.unique_key, j.attempted_by,
                   r.id is not null as retried
            from jobs j join orphaned o on o.id = j.id left join retried r on r.id = j.id""";

    private NodeLiveness() {
    }

    static void heartbeat(DSLContext dsl, String nodeId) {
        dsl.execute("""
                insert into job_nodes (node_id) values (?)
                on conflict (node_id) do update set heartbeat_at = now()""", nodeId);
    }

    static void leave(DSLContext dsl, String nodeId) {
        dsl.execute("delete from job_nodes where node_id = ?", nodeId);
    }

    /** A dead node's job on its last attempt, as it was claimed, and the node that held it. */
    record LastAttempt(Claim claim, String node) {
    }

    /** What one rescue found: jobs given back to their queue, and jobs with no attempt left. */
    record Orphans(List<Long> retried, List<LastAttempt> lastAttempts) {
    }

    /**
     * Removes dead nodes and takes back their executing jobs. A rescued attempt counts as a failed one:
     * jobs with attempts left go back to {@code available} with the rescue in their errors; jobs on their
     * last attempt stay executing and are returned for the caller to bury (a claim past the maximum would
     * run the job once more than it may). One autocommit statement, no advisory lock: a node frozen halfway
     * through must not hold the rescue back for everyone. Nodes racing here skip each other's locked rows;
     * a last attempt seen by two of them is buried once, the fencing token deciding.
     */
    static Orphans rescue(DSLContext dsl, long nodeTimeoutMs) {
        List<Long> retried = new ArrayList<>();
        List<LastAttempt> last = new ArrayList<>();
        for (Record r : dsl.fetch(RESCUE, nodeTimeoutMs)) {
            if (r.get("retried", Boolean.class)) {
                retried.add(r.get("id", Long.class));
            } else {
                last.add(new LastAttempt(JobStore.toClaim(r), r.get("attempted_by", String.class)));
            }
        }
        return new Orphans(List.copyOf(retried), List.copyOf(last));
    }
}
