package za.voelgoed.platform.jobs;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Heartbeats and rescue. A node proves it is alive by touching its row; every node's rescuer removes
 * nodes whose heartbeat is older than the timeout by the database clock and returns their executing
 * jobs to {@code available}. A node that was only stalled finds its claims fenced off when it wakes.
 */
final class NodeLiveness {

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

    /**
     * Returns the ids of the jobs given back. One autocommit statement, no advisory lock: a node frozen
     * halfway through must not be able to hold the rescue back for everyone. Nodes racing here are safe —
     * a row deleted or updated by one is skipped by the other once its lock is released.
     */
    static List<Long> rescue(DSLContext dsl, long nodeTimeoutMs) {
        return dsl.fetch("""
                with dead as (
                    delete from job_nodes where heartbeat_at < now() - make_interval(secs => ? / 1000.0)
                    returning node_id)
                update jobs set state = 'available', errors = errors || jsonb_build_array(jsonb_build_object(
                        'attempt', attempt, 'at', now(), 'node', attempted_by,
                        'error', 'rescued: node ' || coalesce(attempted_by, '?') || ' stopped heartbeating'))
                where state = 'executing'
                  and (attempted_by in (select node_id from dead)
                       or not exists (select 1 from job_nodes n where n.node_id = jobs.attempted_by))
                returning id""", nodeTimeoutMs).map(r -> r.get(0, Long.class));
    }
}
