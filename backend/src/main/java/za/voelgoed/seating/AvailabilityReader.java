package za.voelgoed.seating;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.seating.model.Seat;
import za.voelgoed.seating.model.SeatMap;

/** Reads availability from PostgreSQL in one repeatable-read snapshot, so counts and watermark agree. */
final class AvailabilityReader {

    private final DSLContext dsl;
    private final Inventories inventories;

    AvailabilityReader(DSLContext dsl, Inventories inventories) {
        this.dsl = dsl;
        this.inventories = inventories;
    }

    Availability read(UUID eventId) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("set transaction isolation level repeatable read, read only");
            Instant takenAt = tx.fetchOne("select now()").get(0, OffsetDateTime.class).toInstant();
            Availability.SeatSummary seats = inventories.seatMap(tx, eventId).map(map -> seats(tx, eventId, map))
                    .orElse(null);
            return new Availability(eventId, takenAt, seats, InventoryStore.ticketTypes(tx, eventId),
                    watermark(tx, eventId));
        });
    }

    private static Availability.SeatSummary seats(DSLContext tx, UUID eventId, SeatMap map) {
        String[] status = new String[map.size()];
        java.util.Arrays.fill(status, "free");
        tx.fetch("select seat_index from event_seats where event_id = ? and (blocked or channel is not null)", eventId)
                .forEach(r -> status[r.get(0, Integer.class)] = "blocked");
        tx.fetch("select seat_index, state from seat_claims where event_id = ?", eventId)
                .forEach(r -> status[r.get(0, Integer.class)] = r.get(1, String.class));
        Map<String, Long> prices = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        tx.fetch("select code, price_cents, currency from price_categories where event_id = ?", eventId).forEach(r -> {
            prices.put(r.get(0, String.class), r.get(1, Long.class));
            currencies.put(r.get(0, String.class), r.get(2, String.class));
        });
        Map<String, int[]> byCategory = new LinkedHashMap<>();
        int[] totals = new int[4];
        List<Availability.SeatStatus> items = new ArrayList<>(map.size());
        for (Seat seat : map.seats()) {
            String s = status[seat.index()];
            int[] counts = byCategory.computeIfAbsent(seat.category(), k -> new int[2]);
            counts[0]++;
            if (s.equals("free")) {
                counts[1]++;
            }
            totals[List.of("free", "held", "sold", "blocked").indexOf(s)]++;
            items.add(new Availability.SeatStatus(seat.id().toString(), seat.category(), s));
        }
        List<Availability.CategoryCount> categories = new ArrayList<>();
        byCategory.forEach((category, c) -> categories.add(new Availability.CategoryCount(category,
                prices.getOrDefault(category, 0L), currencies.getOrDefault(category, ""), c[0], c[1])));
        return new Availability.SeatSummary(map.size(), totals[0], totals[1], totals[2], totals[3], categories, items);
    }

    /**
     * The last seq of every hold of the show, of its seat allocations and of the returns of its refunded
     * orders (the resources of the seating topic's events): what this snapshot reflects.
     */
    private static Map<String, Long> watermark(DSLContext tx, UUID eventId) {
        Map<String, Long> watermark = new HashMap<>();
        tx.fetch("""
                select rs.resource_type, rs.resource_id, rs.last_seq from resource_sequences rs
                join holds h on rs.resource_type = 'hold' and rs.resource_id = h.id
                where h.event_id = ?
                union all
                select rs.resource_type, rs.resource_id, rs.last_seq from resource_sequences rs
                join orders o on rs.resource_type = 'seat_return' and rs.resource_id = o.id
                where o.event_id = ?
                union all
                select resource_type, resource_id, last_seq from resource_sequences
                where resource_type in ('event', 'seat_allocation') and resource_id = ?""", eventId, eventId, eventId)
                .forEach(r -> watermark.put(r.get(0, String.class) + ":" + r.get(1, UUID.class), r.get(2, Long.class)));
        return watermark;
    }
}
