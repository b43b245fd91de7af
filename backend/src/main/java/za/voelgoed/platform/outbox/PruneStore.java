package za.voelgoed.platform.outbox;

import static za.voelgoed.platform.db.schema.Tables.OUTBOX_PRUNE_MARKS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The SQL of the outbox retention: one batch of the prune, and the marks of how far it went. */
final class PruneStore {

    /**
     * One batch as one autocommit statement: the next {@code ?} rows after a position, in position order; of
     * those older than the cutoff, the ones not pending dispatch and not of a resource with a consumer block
     * are deleted with their receipts and dispatch-log rows, and their organisations' marks (newest time and
     * newest offset pruned) move forward in the same transaction.
     * Rows another node is deleting at the same moment are skipped, not waited for, and marks are written in
     * organisation order, so two pruners never wait on each other in a circle. Nothing but a pruner locks
     * event rows (they are never updated), so the locks are held for the length of one small statement.
     */
    private static final String BATCH = """
            with scanned as materialized (
                select position, "timestamp" from domain_events where position > ? order by position limit ?
            ), doomed as materialized (
                select e.position, e.event_id from domain_events e
                where e.position = any(array(
                        select position from scanned where "timestamp" < cast(? as timestamptz)))
                  and not exists (select 1 from outbox_pending p where p.position = e.position)
                  and not exists (select 1 from consumer_blocks b
                                  where b.resource_type = e.resource_type and b.resource_id = e.resource_id)
                for update of e skip locked
            ), receipts as (
                delete from consumer_receipts where event_id = any(array(select event_id from doomed))
            ), gone as (
                delete from domain_events where position = any(array(select position from doomed))
                returning organization_id, "timestamp"
            ), unlogged as (
                delete from dispatch_log where position = any(array(select position from doomed))
                returning organization_id, org_offset
            ), marked as (
                insert into outbox_prune_marks (organization_id, pruned_through, pruned_offset)
                select t.organization_id, t.newest, coalesce(o.top, 0)
                from (select organization_id, max("timestamp") as newest from gone group by organization_id) t
                left join (select organization_id, max(org_offset) as top from unlogged group by organization_id) o
                  using (organization_id)
                order by t.organization_id
                on conflict (organization_id) do update
                    set pruned_through = greatest(outbox_prune_marks.pruned_through, excluded.pruned_through),
                        pruned_offset = greatest(outbox_prune_marks.pruned_offset, excluded.pruned_offset),
                        updated_at = now()
            )
            select (select max(position) from scanned) as last_position,
                   (select count(*) from scanned) as scanned,
                   (select count(*) from scanned where "timestamp" < cast(? as timestamptz)) as old,
                   (select count(*) from doomed) as deleted""";

    private PruneStore() {
    }

    /** What one batch saw: the last position it read, how many rows, how many of them old, how many deleted. */
    record Batch(long lastPosition, int scanned, int old, int deleted) {
    }

    /** The database's now minus the retention: nodes with skewed clocks still agree on it. */
    static OffsetDateTime cutoff(DSLContext dsl, int days) {
        return dsl.fetchSingle("select now() - make_interval(days => ?)", days).get(0, OffsetDateTime.class);
    }

    /** Just before the oldest event still held (0 when there is none). */
    static long startPosition(DSLContext dsl) {
        Long first = dsl.fetchSingle("select min(position) from domain_events").get(0, Long.class);
        return first == null ? 0 : first - 1;
    }

    static Batch prune(DSLContext dsl, long after, int limit, OffsetDateTime cutoff) {
        Record r = dsl.fetchSingle(BATCH, after, limit, cutoff, cutoff);
        Long last = r.get("last_position", Long.class);
        return new Batch(last == null ? after : last, r.get("scanned", Integer.class), r.get("old", Integer.class),
                r.get("deleted", Integer.class));
    }

    /** The newest time of the organisation's pruned events, if any ever were. */
    static Optional<Instant> prunedThrough(DSLContext dsl, UUID org) {
        return dsl.select(OUTBOX_PRUNE_MARKS.PRUNED_THROUGH).from(OUTBOX_PRUNE_MARKS)
                .where(OUTBOX_PRUNE_MARKS.ORGANIZATION_ID.eq(org))
                .fetchOptional(OUTBOX_PRUNE_MARKS.PRUNED_THROUGH).map(OffsetDateTime::toInstant);
    }
}
