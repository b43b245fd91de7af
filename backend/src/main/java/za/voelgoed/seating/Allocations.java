package za.voelgoed.seating;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.seating.model.Seat;
import za.voelgoed.seating.model.SeatMap;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Seat blocks and channel allocations: seats taken off public sale (blocked, or set aside for a channel such
 * as the box office) or given back to it, with {@code seat.allocation_changed} in the same transaction. The
 * event's resource is the show, so a show's allocations are sequenced in the order they committed.
 */
final class Allocations {

    private static final int MAX_SEATS = 2_000;

    private final Outbox outbox;
    private final Inventories inventories;

    Allocations(Outbox outbox, Inventories inventories) {
        this.outbox = outbox;
        this.inventories = inventories;
    }

    int allocate(Actor actor, UUID orgId, UUID eventId, Seating.Allocation request) {
        SeatMap map = inventories.seatMap(eventId).orElseThrow(() ->
                ApiException.badRequest("no_seating", "this event has no reserved seating"));
        new Validation()
                .require(request.seats() != null && !request.seats().isEmpty() && request.seats().size() <= MAX_SEATS,
                        "seats", "must list 1 to 2000 seats")
                .require(request.channel() == null || request.channel().matches("box_office|sponsor|[a-z][a-z0-9_]{0,29}"),
                        "channel", "must be a lower-case channel name such as box_office or sponsor")
                .orThrow();
        List<Integer> indexes = HoldRules.seatIndexes(map, request.seats());
        boolean blocked = Boolean.TRUE.equals(request.blocked());
        int changed = outbox.transact(actor, tx -> {
            int updated = apply(tx, map, eventId, indexes, blocked, request.channel());
            tx.emit(EventTypes.SEAT_ALLOCATION_CHANGED_V1, orgId, eventId,
                    eventData(map, eventId, indexes, blocked, request.channel(), updated));
            return updated;
        });
        inventories.rebuild(eventId);
        return changed;
    }

    private static int apply(Transaction tx, SeatMap map, UUID eventId, List<Integer> indexes, boolean blocked,
                             String channel) {
        Integer[] seats = indexes.toArray(Integer[]::new);
        // update first: its row locks make a hold in progress finish before the claims are read
        int updated = tx.sql().execute("update event_seats set blocked = ?, channel = ? where event_id = ?"
                + " and seat_index = any(?::integer[])", blocked, channel, eventId, seats);
        List<Integer> claimed = tx.sql().fetch("select seat_index from seat_claims where event_id = ?"
                + " and seat_index = any(?::integer[])", eventId, seats).map(r -> r.get(0, Integer.class));
        if (!claimed.isEmpty() && (blocked || channel != null)) {
            throw new SeatsTakenException(claimed.stream().map(i -> map.seatAt(i).id().toString()).toList());
        }
        return updated;
    }

    private static ObjectNode eventData(SeatMap map, UUID eventId, List<Integer> indexes, boolean blocked,
                                        String channel, int changed) {
        ObjectNode data = Json.object().put("event_id", eventId.toString()).put("blocked", blocked)
                .put("changed", changed);
        ArrayNode seats = data.putArray("seats");
        indexes.forEach(i -> seats.add(map.seatAt(i).id().toString()));
        if (channel != null) {
            data.put("channel", channel);
        }
        return data;
    }
}
