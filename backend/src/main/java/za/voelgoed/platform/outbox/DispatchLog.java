package za.voelgoed.platform.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.db.Jdbc;
import za.voelgoed.shared.event.DomainEvent;

/**
 * Offsets of dispatched events (ADR 0017): assigned in the dispatch pass, recorded for replay. A client that
 * names the offset it reached is given every event of the organisation after it, exactly; a node that sees
 * a message whose previous offset is not the last one it saw reads the missing ones here.
 */
public final class DispatchLog {

    private static final String EPOCH_SETTING = "outbox_epoch";

    private final DSLContext dsl;
    private volatile String epoch;

    public DispatchLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Numbers a claimed batch in the pass's transaction (which holds the organisations' dispatch-order locks):
     * per organisation in position order, from the sequence; records them and moves each organisation's head.
     */
    static List<Dispatched> assign(DSLContext tx, List<OutboxStore.Claimed> claimed) {
        Map<Long, DomainEvent> byPosition = new HashMap<>();
        List<Long> positions = new ArrayList<>(claimed.size());
        List<UUID> orgs = new ArrayList<>(claimed.size());
        claimed.forEach(c -> {
            byPosition.put(c.position(), c.event());
            positions.add(c.position());
            orgs.add(c.event().organizationId());
        });
        List<Numbered> rows = Jdbc.query(tx, """
                with numbered as (
                    select position, organization_id, nextval('dispatch_offsets') as org_offset from (
                        select * from unnest(?::bigint[], ?::uuid[]) as e(position, organization_id)
                        order by organization_id, position) ordered),
                before as (
                    select organization_id, last_offset from dispatch_counters
                    where organization_id in (select organization_id from numbered)),
                logged as (
                    insert into dispatch_log (organization_id, org_offset, position)
                    select organization_id, org_offset, position from numbered),
                heads as (
                    insert into dispatch_counters as c (organization_id, last_offset)
                    select organization_id, max(org_offset) from numbered group by organization_id
                    on conflict (organization_id) do update set last_offset = excluded.last_offset)
                select n.position, n.organization_id, n.org_offset, coalesce(b.last_offset, 0) as before_batch
                from numbered n left join before b using (organization_id)
                order by n.organization_id, n.org_offset""",
                r -> new Numbered(r.getLong(1), r.getObject(2, UUID.class), r.getLong(3), r.getLong(4)),
                positions.toArray(Long[]::new), orgs.toArray(UUID[]::new));
        return chain(rows, byPosition);
    }

    /** An event's offset in its organisation's log, and the organisation's head before the batch. */
    private record Numbered(long position, UUID organizationId, long offset, long beforeBatch) {
    }

    /** Each event's previous offset: the organisation's head before the batch, then the event before it. */
    private static List<Dispatched> chain(List<Numbered> rows, Map<Long, DomainEvent> byPosition) {
        Map<Long, Dispatched> byEventPosition = new HashMap<>();
        Map<UUID, Long> previous = new HashMap<>();
        for (Numbered r : rows) {
            long before = previous.getOrDefault(r.organizationId(), r.beforeBatch());
            byEventPosition.put(r.position(), new Dispatched(byPosition.get(r.position()), r.offset(), before));
            previous.put(r.organizationId(), r.offset());
        }
        List<Dispatched> inPositionOrder = new ArrayList<>(byEventPosition.size());
        byPosition.keySet().stream().sorted().forEach(p -> inPositionOrder.add(byEventPosition.get(p)));
        return inPositionOrder;
    }

    /**
     * The organisation's events with offsets after {@code after} and before {@code before} (exclusive), in
     * offset order, at most {@code limit}; read along the log's primary key.
     */
    public List<Dispatched> between(UUID org, long after, long before, int limit) {
        return Jdbc.query(dsl, """
                        select l.org_offset, d.* from dispatch_log l join domain_events d on d.position = l.position
                        where l.organization_id = ? and l.org_offset > ? and l.org_offset < ?
                        order by l.org_offset limit ?""",
                r -> new Dispatched(OutboxStore.toEvent(r), r.getLong("org_offset"), 0), org, after, before, limit);
    }

    /** Every organisation's newest offset. */
    public Map<UUID, Long> heads() {
        Map<UUID, Long> heads = new HashMap<>();
        dsl.fetch("select organization_id, last_offset from dispatch_counters")
                .forEach(r -> heads.put(r.get(0, UUID.class), r.get(1, Long.class)));
        return heads;
    }

    /** The organisation's newest offset, and the newest that was pruned (0 when none). */
    public record Head(long last, long prunedThrough) {
    }

    public Head head(UUID org) {
        var row = dsl.fetchOne("""
                select (select last_offset from dispatch_counters where organization_id = ?),
                       (select pruned_offset from outbox_prune_marks where organization_id = ?)""", org, org);
        Long last = row.get(0, Long.class);
        Long pruned = row.get(1, Long.class);
        return new Head(last == null ? 0 : last, pruned == null ? 0 : pruned);
    }

    /**
     * The epoch of this outbox: made once per database. Offsets are only comparable within one epoch: a
     * database restored from a backup gets a new one, and resume points of the old one are not replayed.
     */
    public String epoch() {
        String known = epoch;
        if (known == null) {
            dsl.execute("insert into system_settings (name, value) values (?, ?) on conflict do nothing", EPOCH_SETTING,
                    UUID.randomUUID().toString());
            known = epoch = dsl.fetchValue("select value from system_settings where name = ?", EPOCH_SETTING).toString();
        }
        return known;
    }

    /** Where a snapshot of the organisation stands in its dispatch order: read it before reading the state. */
    public record Point(long offset, String epoch) {
    }

    /**
     * The point to give with a snapshot read after this call: every event up to its offset had committed, so
     * the snapshot reflects it; a later event, whatever the snapshot shows of it, comes after the offset.
     */
    public Point point(UUID org) {
        return new Point(head(org).last(), epoch());
    }
}
