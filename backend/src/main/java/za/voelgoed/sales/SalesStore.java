package za.voelgoed.sales;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The reads of the sales routes. Each is bounded by an index and a limit or by the counter rows of the shows
 * asked for, never by how many tickets were sold ({@code SalesQueryCostIT} checks the plans).
 */
final class SalesStore {

    /** At most this many shows in the organisation's answer: the latest by start time. */
    static final int SHOWS = 100;
    static final int LATEST = 20;

    static final String SHOWS_SQL = """
            select id, name, starts_at, status from events where organization_id = ?
            order by starts_at desc limit ?""";
    static final String SHOW_SQL =
            "select id, name, starts_at, status from events where organization_id = ? and id = ?";
    static final String TOTALS_SQL = """
            select event_id, kind, line, sold, refunded, revenue_cents from sales_totals
            where organization_id = ? and event_id = any(?::uuid[])""";
    static final String ORG_MINUTES_SQL = """
            select minute, sold, revenue_cents from sales_minutes
            where organization_id = ? and minute >= ?::timestamptz""";
    static final String EVENT_MINUTES_SQL = """
            select minute, sold, revenue_cents from sales_minutes
            where organization_id = ? and minute >= ?::timestamptz and event_id = ?""";
    private static final String LATEST_COLUMNS = """
            select o.id, o.event_id, e.name, (select count(*) from tickets t where t.order_id = o.id),
                   o.total_cents, o.currency, o.created_at
            from orders o join events e on e.id = o.event_id""";
    static final String ORG_LATEST_SQL = LATEST_COLUMNS
            + " where o.organization_id = ? order by o.created_at desc limit ?";
    static final String EVENT_LATEST_SQL = LATEST_COLUMNS
            + " where o.event_id = ? and o.organization_id = ? order by o.created_at desc limit ?";

    private SalesStore() {
    }

    /** A show as the routes name it. */
    record ShowRow(UUID id, String name, Instant startsAt, String status) {
    }

    static Instant now(DSLContext tx) {
        return tx.fetchOne("select now()").get(0, OffsetDateTime.class).toInstant();
    }

    /** The organisation's latest {@link #SHOWS} shows by start time, soonest first. */
    static List<ShowRow> shows(DSLContext tx, UUID org) {
        List<ShowRow> shows = new ArrayList<>(tx.fetch(SHOWS_SQL, org, SHOWS).map(SalesStore::show));
        return shows.reversed();
    }

    static Optional<ShowRow> show(DSLContext tx, UUID org, UUID event) {
        return tx.fetchOptional(SHOW_SQL, org, event).map(SalesStore::show);
    }

    /** The counter rows (every shard) of the shows, by show. */
    static Map<UUID, List<SalesFigures.Counted>> totals(DSLContext tx, UUID org, List<UUID> events) {
        Map<UUID, List<SalesFigures.Counted>> byEvent = new HashMap<>();
        tx.fetch(TOTALS_SQL, org, events.toArray(UUID[]::new)).forEach(r -> byEvent
                .computeIfAbsent(r.get(0, UUID.class), k -> new ArrayList<>())
                .add(new SalesFigures.Counted(r.get(1, String.class), r.get(2, String.class), r.get(3, Long.class),
                        r.get(4, Long.class), r.get(5, Long.class))));
        return byEvent;
    }

    /** The minute rows from {@code from} on: of the organisation, or of one show when {@code event} is given. */
    static List<SalesFigures.MinuteCount> minutes(DSLContext tx, UUID org, UUID event, Instant from) {
        OffsetDateTime start = from.atOffset(java.time.ZoneOffset.UTC);
        var rows = event == null ? tx.fetch(ORG_MINUTES_SQL, org, start)
                : tx.fetch(EVENT_MINUTES_SQL, org, start, event);
        return rows.map(r -> new SalesFigures.MinuteCount(r.get(0, OffsetDateTime.class).toInstant(),
                r.get(1, Long.class), r.get(2, Long.class)));
    }

    /** The newest {@link #LATEST} orders, newest first: of the organisation, or of one show. */
    static List<SalesView.Sale> latest(DSLContext tx, UUID org, UUID event) {
        var rows = event == null ? tx.fetch(ORG_LATEST_SQL, org, LATEST)
                : tx.fetch(EVENT_LATEST_SQL, event, org, LATEST);
        return rows.map(r -> new SalesView.Sale(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, String.class),
                r.get(3, Integer.class), r.get(4, Long.class), r.get(5, String.class),
                r.get(6, OffsetDateTime.class).toInstant()));
    }

    private static ShowRow show(Record r) {
        return new ShowRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, OffsetDateTime.class).toInstant(),
                r.get(3, String.class));
    }
}
