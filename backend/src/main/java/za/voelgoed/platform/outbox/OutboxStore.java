package za.voelgoed.platform.outbox;

import static za.voelgoed.platform.db.schema.Tables.CONSUMER_RECEIPTS;
import static za.voelgoed.platform.db.schema.Tables.OUTBOX_PENDING;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import za.voelgoed.platform.db.Jdbc;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.json.Json;

/** Every SQL statement of the outbox: writing rows, claiming them after commit, receipts. */
final class OutboxStore {

    /** The schema this release writes events for (V10: with their pending rows): {@code domain_events.writer_epoch}. */
    static final int WRITER_EPOCH = 10;

    private OutboxStore() {
    }

    /**
     * Takes the resource's next sequence number and inserts the event with it, in one statement (one round
     * trip per emitted event). The upsert's row lock on {@code resource_sequences} is held to commit, so the
     * writers of one resource commit in seq order. Returns the seq.
     */
    static long insertWithNextSeq(DSLContext sql, DomainEvent e) {
        return sql.resultQuery("""
                        with next as (
                            insert into resource_sequences (resource_type, resource_id, last_seq)
                            values (?, cast(? as uuid), 1)
                            on conflict (resource_type, resource_id)
                            do update set last_seq = resource_sequences.last_seq + 1
                            returning last_seq),
                        written as (
                            insert into domain_events (event_id, event_type, organization_id, resource_type,
                                resource_id, resource_seq, persisted_change, "timestamp", actor_user_id, ip_address,
                                metadata, writer_epoch)
                            select cast(? as uuid), ?, cast(? as uuid), ?, cast(? as uuid), next.last_seq,
                                cast(? as jsonb), cast(? as timestamptz), cast(? as uuid), ?, cast(? as jsonb),
                                cast(? as smallint) from next
                            returning position, resource_type, resource_id, resource_seq),
                        pending as (
                            insert into outbox_pending (position, resource_type, resource_id)
                            select position, resource_type, resource_id from written)
                        select resource_seq from written""",
                e.resourceType(), e.resourceId().toString(), e.eventId().toString(), e.eventType(),
                e.organizationId().toString(), e.resourceType(), e.resourceId().toString(),
                Json.write(e.persistedChange()), e.timestamp().toString(),
                e.actorUserId() == null ? null : e.actorUserId().toString(), e.ipAddress(), Json.write(e.metadata()),
                WRITER_EPOCH)
                .fetchSingle(0, Long.class);
    }

    /**
     * Inserts many events in two statements: the resources' sequences advance by their event counts (in
     * resource order, so two batches lock shared resources in the same order), then the rows go in with
     * consecutive seqs per resource in the order given. Returns the seqs, one per event, in that order.
     */
    static long[] insertAllWithNextSeqs(DSLContext sql, List<DomainEvent> events) {
        Map<ResourceRef, Integer> counts = new java.util.TreeMap<>(java.util.Comparator
                .comparing(ResourceRef::type).thenComparing(ResourceRef::id));
        events.forEach(e -> counts.merge(new ResourceRef(e.resourceType(), e.resourceId()), 1, Integer::sum));
        Map<ResourceRef, Long> next = new java.util.HashMap<>();
        Jdbc.query(sql, """
                        insert into resource_sequences (resource_type, resource_id, last_seq)
                        select * from unnest(?::varchar[], ?::uuid[], ?::bigint[])
                        on conflict (resource_type, resource_id)
                        do update set last_seq = resource_sequences.last_seq + excluded.last_seq
                        returning resource_type, resource_id, last_seq""",
                r -> {
                    ResourceRef ref = new ResourceRef(r.getString(1), r.getObject(2, UUID.class));
                    next.put(ref, r.getLong(3) - counts.get(ref) + 1);
                    return ref;
                },
                counts.keySet().stream().map(ResourceRef::type).toArray(String[]::new),
                counts.keySet().stream().map(ResourceRef::id).toArray(UUID[]::new),
                counts.values().stream().map(Integer::longValue).toArray(Long[]::new));
        long[] seqs = new long[events.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = next.merge(new ResourceRef(events.get(i).resourceType(), events.get(i).resourceId()), 1L,
                    Long::sum) - 1;
        }
        // the JSON documents travel as one JSON array each, not as text[]: a text array quotes and escapes every
        // character of every document on the way in, which cost the scan journal more than writing them
        Jdbc.execute(sql, """
                with written as (
                    insert into domain_events (event_id, event_type, organization_id, resource_type, resource_id,
                        resource_seq, persisted_change, "timestamp", actor_user_id, ip_address, metadata, writer_epoch)
                    select e, t, o, rt, r, s, c.doc, ts, a, ip, m.doc, cast(? as smallint)
                    from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::uuid[], ?::bigint[],
                                ?::timestamptz[], ?::uuid[], ?::varchar[]) with ordinality as x(e, t, o, rt, r, s, ts, a, ip, n)
                    join jsonb_array_elements(?::jsonb) with ordinality as c(doc, n) using (n)
                    join jsonb_array_elements(?::jsonb) with ordinality as m(doc, n) using (n)
                    order by n
                    returning position, resource_type, resource_id)
                insert into outbox_pending (position, resource_type, resource_id)
                select position, resource_type, resource_id from written""", WRITER_EPOCH,
                column(events, DomainEvent::eventId, UUID[]::new), column(events, DomainEvent::eventType, String[]::new),
                column(events, DomainEvent::organizationId, UUID[]::new),
                column(events, DomainEvent::resourceType, String[]::new),
                column(events, DomainEvent::resourceId, UUID[]::new),
                java.util.Arrays.stream(seqs).boxed().toArray(Long[]::new),
                column(events, e -> java.time.OffsetDateTime.ofInstant(e.timestamp(), java.time.ZoneOffset.UTC),
                        java.time.OffsetDateTime[]::new),
                column(events, DomainEvent::actorUserId, UUID[]::new), column(events, DomainEvent::ipAddress, String[]::new),
                jsonArray(events, DomainEvent::persistedChange), jsonArray(events, DomainEvent::metadata));
        return seqs;
    }

    /** The events' documents as one JSON array, in order (a missing document is JSON null, as before). */
    private static String jsonArray(List<DomainEvent> events, Function<DomainEvent, Object> document) {
        StringBuilder array = new StringBuilder(events.size() * 256).append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            array.append(Json.write(document.apply(events.get(i))));
        }
        return array.append(']').toString();
    }

    private static <T> T[] column(List<DomainEvent> events, Function<DomainEvent, T> field,
                                  java.util.function.IntFunction<T[]> array) {
        return events.stream().map(field).toArray(array);
    }

    /**
     * A resource's advisory-lock key, as SQL over its type and id columns or parameters: the dispatcher and
     * the block drainer must compute the same key, so both use this. The seed keeps outbox keys apart from
     * any other advisory lock.
     */
    private static String lockKey(String type, String id) {
        return "hashtextextended(" + type + " || '/' || " + id + "::text, 7310315463135158392)";
    }

    /**
     * One dispatch claim in one statement: among the resources of the oldest {@code scan} pending rows
     * (those of this loop's share, {@code loop} of {@code loops}), the {@code resources} oldest whose
     * advisory lock it gets; their pending rows, at most {@code limit}, are deleted from {@code outbox_pending}
     * and their events returned in commit order. The delete is undone if the transaction does not commit, so
     * a dispatcher that dies before committing leaves them pending. A row another node dispatched after this
     * statement's snapshot is skipped: once the lock is held the delete finds it gone and returns nothing for
     * it. It also turns off {@code synchronous_commit} for the rest of the transaction (one round trip less
     * per pass than a {@code set local}): losing a dispatch commit in a PostgreSQL crash only means
     * dispatching those rows again. Last, it waits for the dispatch-order lock of each organisation among the
     * events ({@link #orderLockKey}).
     */
    static List<Claimed> claimPending(DSLContext sql, int scan, int resources, int limit, int loop, int loops) {
        String key = lockKey("resource_type", "resource_id");
        List<Claimed> events = Jdbc.query(sql, """
                        with recent as materialized (
                            select resource_type, resource_id, min(position) as first
                            from (select resource_type, resource_id, position from outbox_pending
                                  where (%1$s %% ? + ?) %% ? = ? order by position limit ?) oldest
                            group by resource_type, resource_id order by first limit ?),
                        locked as materialized (
                            select resource_type, resource_id from recent where pg_try_advisory_xact_lock(%1$s)),
                        claimed as materialized (
                            select p.position from outbox_pending p join locked l
                              on p.resource_type = l.resource_type and p.resource_id = l.resource_id
                            order by p.position limit ?),
                        done as (
                            delete from outbox_pending where position = any(array(select position from claimed))
                              and set_config('synchronous_commit', 'off', true) = 'off'
                            returning position),
                        events as materialized (
                            select * from domain_events where position = any(array(select position from done))),
                        ordered as materialized (
                            select pg_advisory_xact_lock(%2$s) from (
                                select distinct organization_id from events order by organization_id) orgs)
                        select * from events where (select count(*) from ordered) >= 0"""
                        .formatted(key, orderLockKey("organization_id")), OutboxStore::claimed,
                loops, loops, loops, loop, scan, resources, limit);
        events.sort(Comparator.comparingLong(Claimed::position));
        return events;
    }

    private static Claimed claimed(ResultSet r) throws SQLException {
        return new Claimed(r.getLong("position"), toEvent(r));
    }

    /** A claimed event with its outbox position. */
    record Claimed(long position, DomainEvent event) {
    }

    /**
     * An organisation's dispatch-order lock key: the claim waits for the orders of its events' organisations (in
     * id order, so two passes never wait on each other in a circle) and holds them until commit, which is after
     * the publish. Hence an organisation's offsets, taken under the lock, rise in the order they are published.
     */
    private static String orderLockKey(String organization) {
        return "hashtextextended('dispatch-order/' || " + organization + "::text, 7310315463135158392)";
    }

    /** Takes the resource's transaction-scoped advisory lock if it is free; whether it got it. */
    static boolean tryLock(DSLContext sql, ResourceRef resource) {
        return sql.resultQuery("select pg_try_advisory_xact_lock(%s)".formatted(lockKey("cast(? as varchar)",
                        "cast(? as uuid)")), resource.type(), resource.id())
                .fetchSingle(0, Boolean.class);
    }

    /** Every event of a resource from {@code fromSeq} on, dispatched or not, in sequence order. */
    static List<DomainEvent> eventsOf(DSLContext sql, ResourceRef resource, long fromSeq) {
        return Jdbc.query(sql, """
                select * from domain_events where resource_type = ? and resource_id = ? and resource_seq >= ?
                order by resource_seq""", OutboxStore::toEvent, resource.type(), resource.id(), fromSeq);
    }

    /** The (consumer, event id) pairs already applied among these events. */
    static Set<Receipt> receipts(DSLContext sql, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.select(CONSUMER_RECEIPTS.CONSUMER, CONSUMER_RECEIPTS.EVENT_ID)
                .from(CONSUMER_RECEIPTS).where(CONSUMER_RECEIPTS.EVENT_ID.eq(DSL.any(eventIds.toArray(UUID[]::new))))
                .fetch((Record2<String, UUID> r) -> new Receipt(r.value1(), r.value2())));
    }

    static void insertReceipts(DSLContext sql, Collection<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        var insert = sql.insertInto(CONSUMER_RECEIPTS, CONSUMER_RECEIPTS.CONSUMER, CONSUMER_RECEIPTS.EVENT_ID);
        for (Receipt r : receipts) {
            insert = insert.values(r.consumer(), r.eventId());
        }
        insert.onConflictDoNothing().execute();
    }

    static long pendingCount(DSLContext sql) {
        return sql.fetchCount(OUTBOX_PENDING);
    }

    /** Dead rows in {@code outbox_pending} as the statistics last counted them (0 before they have). */
    static long deadPendingRows(DSLContext sql) {
        Long dead = sql.resultQuery("select n_dead_tup from pg_stat_user_tables where relname = 'outbox_pending'"
                + " and schemaname = current_schema()").fetchOne(0, Long.class);
        return dead == null ? 0 : dead;
    }

    /**
     * Frees the dead rows of {@code outbox_pending}; returns at once if another session is vacuuming it. It
     * does not cut the table's empty end off: that takes a lock every emitting insert would wait for.
     */
    static void vacuumPending(DSLContext sql) {
        sql.execute("vacuum (skip_locked, analyze, truncate false) outbox_pending");
    }

    /** A row of {@code domain_events} (among other columns, if any), read by column name. */
    static DomainEvent toEvent(ResultSet r) throws SQLException {
        return new DomainEvent(r.getObject("event_id", UUID.class), r.getString("event_type"),
                r.getObject("organization_id", UUID.class), r.getString("resource_type"),
                r.getObject("resource_id", UUID.class), r.getLong("resource_seq"),
                Json.tree(r.getString("persisted_change")),
                r.getObject("timestamp", OffsetDateTime.class).toInstant(), r.getObject("actor_user_id", UUID.class),
                r.getString("ip_address"), Json.tree(r.getString("metadata")));
    }

    /** A consumer's record of having applied one event. */
    record Receipt(String consumer, UUID eventId) {
    }

    static List<UUID> ids(List<DomainEvent> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        events.forEach(e -> ids.add(e.eventId()));
        return ids;
    }
}
