package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import za.voelgoed.platform.http.PageCursor;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.shared.json.Json;

/** The SQL of the dead-letter queue. */
final class DeadLetterStore {

    private static final String COLUMNS = """
            id, job_id, organization_id, queue, source_queue, worker, event_type, args, attempts, errors,
            effect_key, status, dead_at, resolved_at, resolved_by, resolution_reason""";

    private DeadLetterStore() {
    }

    static UUID insert(DSLContext tx, Claim job, JsonNode scrubbedArgs, JsonNode errors) {
        UUID id = UUID.randomUUID();
        tx.execute("""
                insert into dead_letters (id, job_id, organization_id, queue, source_queue, worker, event_type, args,
                                          attempts, errors, unique_key, effect_key, status)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, 'dead')""",
                id, job.jobId(), job.organizationId(), QueueName.deadLetterQueue(job.organizationId(), job.eventType()),
                job.queue(), job.worker(), job.eventType(), Json.write(scrubbedArgs), job.attempt(),
                Json.write(errors), job.uniqueKey(), job.effectKey());
        return id;
    }

    /** Reasons are free text from operators and workers: stored with card numbers masked. */
    static void audit(DSLContext tx, DeadLetter entry, String action, String actor, String reason) {
        tx.execute("""
                insert into dead_letter_audit (dead_letter_id, organization_id, action, actor, reason, job_id,
                                               queue, event_type, worker)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entry.id(), entry.organizationId(), action, actor,
                PiiScrubber.scrubText(reason), entry.jobId(), entry.queue(), entry.eventType(), entry.worker());
    }

    static Optional<DeadLetter> find(DSLContext dsl, UUID org, UUID id, boolean lock) {
        return dsl.fetchOptional("select " + COLUMNS + " from dead_letters where organization_id = ? and id = ?"
                + (lock ? " for update" : ""), org, id).map(DeadLetterStore::toDeadLetter);
    }

    /** Newest first, keyset-paged: the cursor is the last item's (dead_at, id). */
    static DeadLetterResults.Page page(DSLContext dsl, UUID org, DeadLetterFilter filter, int limit, String cursor) {
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from dead_letters where ");
        sql.append(conditions(org, filter, binds));
        if (cursor != null) {
            PageCursor at = PageCursor.decode(cursor);
            sql.append(" and (dead_at, id) < (?::timestamptz, ?::uuid)");
            binds.add(at.at());
            binds.add(at.id());
        }
        sql.append(" order by dead_at desc, id desc limit ?");
        binds.add(limit + 1);
        List<DeadLetter> rows = dsl.fetch(sql.toString(), binds.toArray()).map(DeadLetterStore::toDeadLetter);
        if (rows.size() <= limit) {
            return new DeadLetterResults.Page(rows, null);
        }
        List<DeadLetter> items = rows.subList(0, limit);
        DeadLetter last = items.get(limit - 1);
        return new DeadLetterResults.Page(List.copyOf(items), new PageCursor(last.deadAt(), last.id()).encode());
    }

    /** The ids a filter selects, oldest first, locked for the caller's transaction. */
    static List<UUID> select(DSLContext tx, UUID org, DeadLetterFilter filter, int max) {
        List<Object> binds = new ArrayList<>();
        String where = conditions(org, filter, binds);
        binds.add(max);
        return tx.fetch("select id from dead_letters where " + where + " order by dead_at, id limit ? for update",
                binds.toArray()).map(r -> r.get(0, UUID.class));
    }

    private static String conditions(UUID org, DeadLetterFilter filter, List<Object> binds) {
        StringBuilder where = new StringBuilder("organization_id = ?");
        binds.add(org);
        add(where, binds, "status = ?", filter.status());
        add(where, binds, "(queue = ? or source_queue = ?)", filter.queue(), filter.queue());
        add(where, binds, "event_type = ?", filter.eventType());
        add(where, binds, "worker = ?", filter.worker());
        add(where, binds, "dead_at >= ?::timestamptz", filter.since() == null ? null : filter.since().atOffset(ZoneOffset.UTC));
        add(where, binds, "dead_at < ?::timestamptz", filter.until() == null ? null : filter.until().atOffset(ZoneOffset.UTC));
        return where.toString();
    }

    private static void add(StringBuilder where, List<Object> binds, String condition, Object... values) {
        if (values[0] != null) {
            where.append(" and ").append(condition);
            binds.addAll(List.of(values));
        }
    }

    static void resolve(DSLContext tx, UUID id, String status, String actor, String reason) {
        tx.execute("""
                update dead_letters set status = ?, resolved_at = now(), resolved_by = ?, resolution_reason = ?
                where id = ?""", status, actor, PiiScrubber.scrubText(reason), id);
    }

    /** True when another live job holds the unique key the dead job would need back. */
    static boolean uniqueKeyTaken(DSLContext tx, DeadLetter entry, String uniqueKey) {
        return uniqueKey != null && tx.fetchExists(tx.selectOne().from("jobs").where(
                "organization_id = ? and unique_key = ? and state not in ('discarded', 'cancelled') and id <> ?",
                entry.organizationId(), uniqueKey, entry.jobId()));
    }

    static String uniqueKeyOf(DSLContext tx, UUID id) {
        return tx.fetchOptional("select unique_key from dead_letters where id = ?", id)
                .map(r -> r.get(0, String.class)).orElse(null);
    }

    /** Makes the dead job runnable again with its attempts reset; its error history stays. */
    static boolean revive(DSLContext tx, long jobId) {
        return tx.execute("""
                update jobs set state = 'available', attempt = 0, scheduled_at = now(), finished_at = null
                where id = ? and state = 'discarded'""", jobId) == 1;
    }

    private static DeadLetter toDeadLetter(Record r) {
        return new DeadLetter(r.get("id", UUID.class), r.get("job_id", Long.class), r.get("organization_id", UUID.class),
                r.get("queue", String.class), r.get("source_queue", String.class), r.get("worker", String.class),
                r.get("event_type", String.class), Json.tree(r.get("args", JSONB.class).data()),
                r.get("attempts", Integer.class), Json.tree(r.get("errors", JSONB.class).data()),
                r.get("effect_key", String.class), r.get("status", String.class),
                r.get("dead_at", OffsetDateTime.class), r.get("resolved_at", OffsetDateTime.class),
                r.get("resolved_by", String.class), r.get("resolution_reason", String.class));
    }
}
