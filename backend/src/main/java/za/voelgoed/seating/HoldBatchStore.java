package za.voelgoed.seating;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import za.voelgoed.platform.db.Jdbc;

/** The set-based SQL of a {@link HoldBatch}: one statement per step for the whole batch. */
final class HoldBatchStore {

    private HoldBatchStore() {
    }

    /** A seat of a show. */
    record SeatKey(UUID eventId, int seatIndex) {
    }

    /** A ticket type of a show, ordered so that batches lock ticket types in one order. */
    record TypeKey(UUID eventId, String code) implements Comparable<TypeKey> {
        static TypeKey of(Hold hold) {
            return new TypeKey(hold.eventId(), hold.ticketType());
        }

        @Override
        public int compareTo(TypeKey other) {
            return Comparator.comparing(TypeKey::eventId).thenComparing(TypeKey::code).compare(this, other);
        }
    }

    /**
     * The holds with these ids that no other transaction has locked, locked now in id order. A hold a
     * checkout is converting is skipped rather than waited for: the whole batch would wait with it.
     */
    static Map<UUID, Hold> lockFreeHolds(DSLContext tx, List<UUID> ids) {
        return Jdbc.query(tx, "select " + InventoryStore.HOLD_COLUMNS
                        + " from holds where id = any(?::uuid[]) order by id for update skip locked",
                InventoryStore::toHold, (Object) ids.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(Hold::id, h -> h));
    }

    /** Of these hold ids, those that exist (read without a lock). */
    static Set<UUID> existing(DSLContext tx, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Jdbc.query(tx, "select id from holds where id = any(?::uuid[])",
                r -> r.getObject(1, UUID.class), (Object) ids.toArray(UUID[]::new)));
    }

    static Set<UUID> publishedAmong(DSLContext tx, List<UUID> eventIds) {
        return new HashSet<>(Jdbc.query(tx, "select id from events where id = any(?::uuid[]) and status = 'published'",
                r -> r.getObject(1, UUID.class), (Object) eventIds.toArray(UUID[]::new)));
    }

    /** Of the holds' seats, those on public sale (not blocked, no channel), share-locked. */
    static Set<SeatKey> lockOpenSeats(DSLContext tx, List<Hold> holds) {
        Seats seats = Seats.of(holds);
        return new HashSet<>(tx.fetch("""
                select s.event_id, s.seat_index from event_seats s
                join unnest(?::uuid[], ?::integer[]) as w(event_id, seat_index)
                  on s.event_id = w.event_id and s.seat_index = w.seat_index
                where not s.blocked and s.channel is null
                order by s.event_id, s.seat_index for share of s""", seats.events(), seats.indexes())
                .map(r -> new SeatKey(r.get(0, UUID.class), r.get(1, Integer.class))));
    }

    /** Adds {@code delta} to the type's held count if it still fits its capacity; false when it does not. */
    static boolean addHeld(DSLContext tx, TypeKey type, int delta) {
        if (delta == 0) {
            return true;
        }
        return Jdbc.execute(tx, """
                update ticket_types set held = held + ? where event_id = ? and code = ?
                and held + sold + ? <= capacity""", delta, type.eventId(), type.code(), delta) == 1;
    }

    /** Claims the holds' seats; a seat claimed already stays with its claimant. Returns claims made per hold. */
    static Map<UUID, Integer> claimSeats(DSLContext tx, List<Hold> holds) {
        Seats seats = Seats.of(holds);
        Map<UUID, Integer> claimed = new HashMap<>();
        tx.fetch("""
                insert into seat_claims (event_id, seat_index, hold_id, state)
                select e, i, h, 'held' from unnest(?::uuid[], ?::integer[], ?::uuid[]) as c(e, i, h)
                order by e, i, h
                on conflict (event_id, seat_index) do nothing
                returning hold_id""", seats.events(), seats.indexes(), seats.holdIds())
                .forEach(r -> claimed.merge(r.get(0, UUID.class), 1, Integer::sum));
        return claimed;
    }

    static void deleteHeldClaims(DSLContext tx, List<UUID> holdIds) {
        if (!holdIds.isEmpty()) {
            tx.execute("delete from seat_claims where hold_id = any(?::uuid[]) and state = 'held'",
                    (Object) holdIds.toArray(UUID[]::new));
        }
    }

    static void endHolds(DSLContext tx, List<Hold> holds, Map<UUID, String> statusById) {
        if (holds.isEmpty()) {
            return;
        }
        Jdbc.execute(tx, """
                update holds set status = e.status, ended_at = now()
                from unnest(?::uuid[], ?::varchar[]) as e(id, status) where holds.id = e.id""",
                holds.stream().map(Hold::id).toArray(UUID[]::new),
                holds.stream().map(h -> statusById.get(h.id())).toArray(String[]::new));
    }

    static void insertHolds(DSLContext tx, List<Hold> holds) {
        if (holds.isEmpty()) {
            return;
        }
        Jdbc.execute(tx, """
                insert into holds (id, organization_id, event_id, ticket_type, quantity, seat_indexes, status,
                                   expires_at, max_expires_at)
                select id, org, evt, tt, q, seats::integer[], 'active', exp, max_exp
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::integer[], ?::text[],
                            ?::timestamptz[], ?::timestamptz[]) as h(id, org, evt, tt, q, seats, exp, max_exp)""",
                holds.stream().map(Hold::id).toArray(UUID[]::new),
                holds.stream().map(Hold::organizationId).toArray(UUID[]::new),
                holds.stream().map(Hold::eventId).toArray(UUID[]::new),
                holds.stream().map(Hold::ticketType).toArray(String[]::new),
                holds.stream().map(Hold::quantity).toArray(Integer[]::new),
                holds.stream().map(h -> h.seatIndexes().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "{", "}"))).toArray(String[]::new),
                holds.stream().map(Hold::expiresAt).toArray(OffsetDateTime[]::new),
                holds.stream().map(Hold::maxExpiresAt).toArray(OffsetDateTime[]::new));
    }

    /** The holds' seats as parallel arrays (show, seat, hold), for {@code unnest}. */
    private record Seats(UUID[] events, Integer[] indexes, UUID[] holdIds) {
        static Seats of(List<Hold> holds) {
            int n = holds.stream().mapToInt(h -> h.seatIndexes().size()).sum();
            UUID[] events = new UUID[n];
            Integer[] indexes = new Integer[n];
            UUID[] holdIds = new UUID[n];
            int at = 0;
            for (Hold hold : holds) {
                for (int index : hold.seatIndexes()) {
                    events[at] = hold.eventId();
                    indexes[at] = index;
                    holdIds[at++] = hold.id();
                }
            }
            return new Seats(events, indexes, holdIds);
        }
    }
}
