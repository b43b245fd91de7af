package za.voelgoed.platform.jobs;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The DLQ desk's audit trail: every filing, replay and discard, newest first, keyset-paged on the row id
 * (rows are only ever appended). Each row keeps its entry's queue, event type and worker, so the trail still
 * reads after the retention purged the entry.
 */
public final class DeadLetterAudit {

    /** The actions a row may record. */
    public static final Set<String> ACTIONS = Set.of(DeadLetter.DEAD, DeadLetter.REPLAYED, DeadLetter.DISCARDED);

    private DeadLetterAudit() {
    }

    /** One row as the desk shows it. */
    public record Entry(long id, UUID deadLetterId, String action, String actor, String reason, Long jobId,
                        String queue, String eventType, String worker, OffsetDateTime at) {
    }

    /** Which rows: of one entry, of one action, or all (null parts match everything). */
    public record Filter(UUID deadLetterId, String action) {
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    static Page page(DSLContext dsl, UUID org, Filter filter, int limit, String cursor) {
        List<Object> binds = new ArrayList<>(List.of(org));
        StringBuilder sql = new StringBuilder("""
                select id, dead_letter_id, action, actor, reason, job_id, queue, event_type, worker, at
                from dead_letter_audit where organization_id = ?""");
        if (filter.deadLetterId() != null) {
            sql.append(" and dead_letter_id = ?");
            binds.add(filter.deadLetterId());
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            binds.add(filter.action());
        }
        if (cursor != null) {
            sql.append(" and id < ?");
            binds.add(decode(cursor));
        }
        sql.append(" order by id desc limit ?");
        binds.add(limit + 1);
        List<Entry> rows = dsl.fetch(sql.toString(), binds.toArray()).map(r -> new Entry(r.get(0, Long.class),
                r.get(1, UUID.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                r.get(5, Long.class), r.get(6, String.class), r.get(7, String.class), r.get(8, String.class),
                r.get(9, OffsetDateTime.class)));
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Entry> items = List.copyOf(rows.subList(0, limit));
        return new Page(items, encode(items.get(limit - 1).id()));
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("audit|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a cursor this server did not issue */
    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("audit|")) {
                throw new IllegalArgumentException("not an audit cursor");
            }
            return Long.parseLong(raw.substring("audit|".length()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this server issued");
        }
    }
}
