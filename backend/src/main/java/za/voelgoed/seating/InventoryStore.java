package za.voelgoed.seating;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.platform.db.Jdbc;
import za.voelgoed.seating.model.Seat;
import za.voelgoed.seating.model.SeatMap;
import za.voelgoed.seating.model.SectionLayout;
import za.voelgoed.shared.json.Json;

/** The SQL of inventory and holds. */
final class InventoryStore {

    private InventoryStore() {
    }

    static void insertSeats(DSLContext tx, UUID eventId, SeatMap map) {
        int chunk = 1_000;
        for (int from = 0; from < map.size(); from += chunk) {
            List<Seat> seats = map.seats().subList(from, Math.min(map.size(), from + chunk));
            tx.execute("""
                    insert into event_seats (event_id, seat_index, seat_id, category)
                    select ?, * from unnest(?::integer[], ?::varchar[], ?::varchar[])""",
                    eventId, seats.stream().map(Seat::index).toArray(Integer[]::new),
                    seats.stream().map(s -> s.id().toString()).toArray(String[]::new),
                    seats.stream().map(Seat::category).toArray(String[]::new));
        }
    }

    static void insertPrice(DSLContext tx, UUID eventId, String code, long priceCents, String currency) {
        tx.execute("insert into price_categories (event_id, code, price_cents, currency) values (?, ?, ?, ?)",
                eventId, code, priceCents, currency);
    }

    static void insertTicketType(DSLContext tx, UUID eventId, TicketType type) {
        tx.execute("""
                insert into ticket_types (event_id, code, name, price_cents, currency, capacity)
                values (?, ?, ?, ?, ?, ?)""", eventId, type.code(), type.name(), type.priceCents(), type.currency(),
                type.capacity());
    }

    static void insertSettings(DSLContext tx, UUID eventId, SaleSettings settings, List<SectionLayout> layout) {
        tx.execute("""
                insert into event_sale_settings (event_id, hold_seconds, max_hold_seconds, currency, seating)
                values (?, ?, ?, ?, ?::jsonb)""", eventId, settings.holdSeconds(), settings.maxHoldSeconds(),
                settings.currency(), layout == null ? null : Json.write(layout));
    }

    static Optional<SaleSettings> settings(DSLContext dsl, UUID eventId) {
        return dsl.fetchOptional("select hold_seconds, max_hold_seconds, currency from event_sale_settings"
                + " where event_id = ?", eventId).map(r -> new SaleSettings(r.get(0, Integer.class),
                r.get(1, Integer.class), r.get(2, String.class)));
    }

    /** The layout the seat map was made from; seat indexes follow from it deterministically. */
    static Optional<List<SectionLayout>> layout(DSLContext dsl, UUID eventId) {
        return dsl.fetchOptional("select seating::text from event_sale_settings where event_id = ? and seating is not null",
                eventId).map(r -> Arrays.asList(Json.read(r.get(0, String.class), SectionLayout[].class)));
    }

    static java.util.Map<String, Long> categoryPrices(DSLContext dsl, UUID eventId) {
        java.util.Map<String, Long> prices = new java.util.HashMap<>();
        dsl.fetch("select code, price_cents from price_categories where event_id = ?", eventId)
                .forEach(r -> prices.put(r.get(0, String.class), r.get(1, Long.class)));
        return prices;
    }

    static List<TicketType> ticketTypes(DSLContext dsl, UUID eventId) {
        return dsl.fetch("""
                select code, name, price_cents, currency, capacity, held, sold from ticket_types
                where event_id = ? order by code""", eventId).map(r -> new TicketType(r.get(0, String.class),
                r.get(1, String.class), r.get(2, Long.class), r.get(3, String.class), r.get(4, Integer.class),
                r.get(5, Integer.class), r.get(6, Integer.class)));
    }

    /** Everything Redis must know: seats not free, ticket type counters, active holds. */
    static InventoryState state(DSLContext dsl, UUID eventId) {
        int seatCount = dsl.fetchOne("select count(*) from event_seats where event_id = ?", eventId).get(0, Integer.class);
        BitSet taken = new BitSet(seatCount);
        dsl.fetch("select seat_index from event_seats where event_id = ? and (blocked or channel is not null)", eventId)
                .forEach(r -> taken.set(r.get(0, Integer.class)));
        dsl.fetch("select seat_index from seat_claims where event_id = ?", eventId)
                .forEach(r -> taken.set(r.get(0, Integer.class)));
        List<InventoryState.TicketTypeCount> types = ticketTypes(dsl, eventId).stream()
                .map(t -> new InventoryState.TicketTypeCount(t.code(), t.capacity(), t.held(), t.sold())).toList();
        List<InventoryState.ActiveHold> holds = dsl.fetch("""
                select id, expires_at, seat_indexes, ticket_type, quantity from holds
                where event_id = ? and status = 'active'""", eventId).map(InventoryStore::activeHold);
        long sold = dsl.fetchOne("select (select count(*) from seat_claims where event_id = ? and state = 'sold')"
                + " + (select coalesce(sum(sold), 0) from ticket_types where event_id = ?)", eventId, eventId)
                .get(0, Long.class);
        return new InventoryState(seatCount, taken, types, holds, sold);
    }

    private static InventoryState.ActiveHold activeHold(Record r) {
        Integer[] seats = r.get(2, Integer[].class);
        return new InventoryState.ActiveHold(r.get(0, UUID.class),
                r.get(1, OffsetDateTime.class).toInstant().toEpochMilli(),
                seats == null ? List.of() : Arrays.asList(seats), r.get(3, String.class), r.get(4, Integer.class));
    }

    /** When the show starts and (if it says) ends; empty for a show that does not exist. */
    static Optional<ShowTimes> showTimes(DSLContext dsl, UUID eventId) {
        return dsl.fetchOptional("select starts_at, ends_at from events where id = ?", eventId)
                .map(r -> new ShowTimes(r.get(0, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(r.get(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)));
    }

    record ShowTimes(java.time.Instant startsAt, java.time.Instant endsAt) {
    }

    /**
     * Shows with a sale that are on sale or still to come: not cancelled, and not over by
     * {@link InventoryExpiry#endOf} (the same rule, in SQL).
     */
    static List<UUID> currentShows(DSLContext dsl, java.time.Duration defaultLength) {
        return dsl.fetch("""
                select s.event_id from event_sale_settings s join events e on e.id = s.event_id
                where e.status <> 'cancelled'
                  and coalesce(e.ends_at, e.starts_at + make_interval(secs => ?)) > now()""",
                defaultLength.toSeconds()).map(r -> r.get(0, UUID.class));
    }

    /** Shows with a sale, any time: how many a start leaves to load on first use. */
    static int showsWithSale(DSLContext dsl) {
        return dsl.fetchSingle("select count(*) from event_sale_settings").get(0, Integer.class);
    }

    /** The columns {@link #toHold} reads, in its order. */
    static final String HOLD_COLUMNS =
            "id, organization_id, event_id, ticket_type, quantity, seat_indexes, status, expires_at, max_expires_at";

    static Optional<Hold> findHold(DSLContext dsl, UUID orgId, UUID holdId, boolean lock) {
        return Jdbc.query(dsl, "select " + HOLD_COLUMNS + " from holds where organization_id = ? and id = ?"
                + (lock ? " for update" : ""), InventoryStore::toHold, orgId, holdId).stream().findFirst();
    }

    /** The hold's inventory becomes sold to the order: seat claims flip to sold, held moves to sold. */
    static void convertHold(DSLContext tx, Hold hold, UUID orderId) {
        tx.execute("update holds set status = 'converted', ended_at = now() where id = ?", hold.id());
        if (hold.ticketType() != null) {
            tx.execute("update ticket_types set held = held - ?, sold = sold + ? where event_id = ? and code = ?",
                    hold.quantity(), hold.quantity(), hold.eventId(), hold.ticketType());
        } else {
            tx.execute("update seat_claims set state = 'sold', order_id = ?, hold_id = null where hold_id = ?",
                    orderId, hold.id());
        }
    }

    /** A refunded order's inventory goes back on sale. */
    static void returnSold(DSLContext tx, UUID eventId, UUID orderId, String ticketType, int quantity) {
        if (ticketType != null) {
            tx.execute("update ticket_types set sold = sold - ? where event_id = ? and code = ?", quantity, eventId,
                    ticketType);
        } else {
            tx.execute("delete from seat_claims where event_id = ? and order_id = ?", eventId, orderId);
        }
    }

    static void extendHold(DSLContext tx, UUID holdId, OffsetDateTime expiresAt) {
        tx.execute("update holds set expires_at = ?::timestamptz where id = ?", expiresAt, holdId);
    }

    /** A row of {@link #HOLD_COLUMNS}, read through {@link Jdbc} (the hold journal locks holds on every batch). */
    static Hold toHold(ResultSet r) throws SQLException {
        Array seatArray = r.getArray(6);
        List<Integer> seats = seatArray == null ? List.of()
                : new ArrayList<>(Arrays.asList((Integer[]) seatArray.getArray()));
        return new Hold(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                r.getString(4), r.getInt(5), seats, r.getString(7), r.getObject(8, OffsetDateTime.class),
                r.getObject(9, OffsetDateTime.class));
    }
}
