package za.voelgoed.seating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Reads the {@link Stock} of shows from counters, never from sold seats: ticket types carry their held count;
 * seat capacity per category comes from the cached seat map; held seats and seats off sale are read through
 * partial indexes (V18) that hold only those rows, so a sold-out stadium costs what an empty one does.
 */
final class StockReader {

    /** Held seats per show and category, through {@code seat_claims_held}: never the sold seats. */
    static final String HELD_SQL = """
            select c.event_id, s.category, count(*) from seat_claims c
            join event_seats s on s.event_id = c.event_id and s.seat_index = c.seat_index
            where c.event_id = any(?::uuid[]) and c.state = 'held' group by c.event_id, s.category""";
    /** Seats off public sale per show and category, through {@code event_seats_off_sale}. */
    static final String OFF_SALE_SQL = """
            select event_id, category, count(*) from event_seats
            where event_id = any(?::uuid[]) and (blocked or channel is not null) group by event_id, category""";

    private final Inventories inventories;

    StockReader(Inventories inventories) {
        this.inventories = inventories;
    }

    /** The stock of each show, in the caller's transaction; a show without inventory has an empty list. */
    Map<UUID, List<Stock>> read(DSLContext tx, List<UUID> eventIds) {
        Map<UUID, List<Stock>> stock = new LinkedHashMap<>();
        eventIds.forEach(id -> stock.put(id, new ArrayList<>()));
        if (eventIds.isEmpty()) {
            return stock;
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        Map<String, Integer> held = counts(tx, HELD_SQL, ids);
        Map<String, Integer> offSale = counts(tx, OFF_SALE_SQL, ids);
        tx.fetch("""
                select event_id, code, price_cents, currency from price_categories
                where event_id = any(?::uuid[]) order by event_id, code""", (Object) ids).forEach(r -> {
            UUID event = r.get(0, UUID.class);
            String code = r.get(1, String.class);
            int capacity = inventories.seatMap(tx, event).map(m -> m.seatCount(code)).orElse(0);
            stock.get(event).add(new Stock(Stock.CATEGORY, code, r.get(2, Long.class), r.get(3, String.class),
                    capacity, held.getOrDefault(key(event, code), 0), offSale.getOrDefault(key(event, code), 0)));
        });
        tx.fetch("""
                select event_id, code, price_cents, currency, capacity, held from ticket_types
                where event_id = any(?::uuid[]) order by event_id, code""", (Object) ids).forEach(r ->
                stock.get(r.get(0, UUID.class)).add(new Stock(Stock.TICKET_TYPE, r.get(1, String.class),
                        r.get(2, Long.class), r.get(3, String.class), r.get(4, Integer.class),
                        r.get(5, Integer.class), 0)));
        return stock;
    }

    private static Map<String, Integer> counts(DSLContext tx, String sql, UUID[] ids) {
        Map<String, Integer> counts = new HashMap<>();
        tx.fetch(sql, (Object) ids).forEach(r -> counts.put(key(r.get(0, UUID.class), r.get(1, String.class)),
                r.get(2, Integer.class)));
        return counts;
    }

    private static String key(UUID event, String code) {
        return event + "/" + code;
    }
}
