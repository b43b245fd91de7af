package za.voelgoed.seating;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.seating.model.BestAvailable;
import za.voelgoed.seating.model.ScatteredSeats;
import za.voelgoed.seating.model.Seat;
import za.voelgoed.seating.model.SeatMap;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Holding inventory for a buyer. Redis decides first, in one Lua script per request (all seats or none,
 * a quantity within capacity); PostgreSQL then records the hold, its seat claims or ticket-type count and
 * {@code seat.hold_created} in one transaction. If PostgreSQL refuses — Redis was stale, say after a
 * rebuild raced a hold — the Redis hold is given back, the show is reloaded, and the buyer gets 409.
 */
public final class Holds implements AutoCloseable {

    private static final int BEST_AVAILABLE_TRIES = 3;
    private static final System.Logger LOG = System.getLogger(Holds.class.getName());

    private final Outbox outbox;
    private final DSLContext dsl;
    private final RedisInventory redis;
    private final Inventories inventories;
    private final Clock clock;
    private final HoldJournal journal;

    Holds(Outbox outbox, DSLContext dsl, RedisInventory redis, Inventories inventories, Clock clock, String nodeId) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.redis = redis;
        this.inventories = inventories;
        this.clock = clock;
        this.journal = new HoldJournal(outbox, new HoldBatch(clock, (tx, hold) -> eventData(tx, hold, false)), nodeId);
    }

    public Hold hold(Actor actor, UUID orgId, UUID eventId, HoldRequest request, SaleSettings settings) {
        HoldRules.Kind kind = HoldRules.validate(request);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime expiresAt = now.plusSeconds(settings.holdSeconds());
        OffsetDateTime maxExpiresAt = now.plusSeconds(settings.maxHoldSeconds());
        // no load check here: the scripts answer "not loaded" themselves, so a request costs one round trip
        return switch (kind) {
            case SEATS -> holdSeats(actor, new Hold(UUID.randomUUID(), orgId, eventId, null, request.seats().size(),
                    HoldRules.seatIndexes(seatMap(eventId), request.seats()), Hold.ACTIVE, expiresAt, maxExpiresAt));
            case BEST_AVAILABLE -> holdBestAvailable(actor, orgId, eventId, request.bestAvailable(), expiresAt,
                    maxExpiresAt);
            case GENERAL_ADMISSION -> holdGeneralAdmission(actor, new Hold(UUID.randomUUID(), orgId, eventId,
                    request.ticketType(), request.quantity(), List.of(), Hold.ACTIVE, expiresAt, maxExpiresAt));
        };
    }

    private SeatMap seatMap(UUID eventId) {
        return inventories.seatMap(eventId).orElseThrow(() ->
                ApiException.badRequest("no_seating", "this event has no reserved seating"));
    }

    private Hold holdSeats(Actor actor, Hold hold) {
        RedisInventory.Outcome outcome = redis.holdSeats(hold.eventId(), hold.id(), millis(hold.expiresAt()),
                hold.seatIndexes());
        if (outcome instanceof RedisInventory.Outcome.NotLoaded) {
            inventories.ensureLoaded(hold.organizationId(), hold.eventId());
            outcome = redis.holdSeats(hold.eventId(), hold.id(), millis(hold.expiresAt()), hold.seatIndexes());
        }
        if (outcome instanceof RedisInventory.Outcome.Taken taken) {
            SeatMap map = seatMap(hold.eventId());
            throw new SeatsTakenException(taken.seatIndexes().stream().map(i -> map.seatAt(i).id().toString()).toList());
        }
        return record(actor, hold);
    }

    private Hold holdBestAvailable(Actor actor, UUID orgId, UUID eventId, HoldRequest.BestAvailableRequest wanted,
                                   OffsetDateTime expiresAt, OffsetDateTime maxExpiresAt) {
        SeatMap map = seatMap(eventId);
        for (int attempt = 0; attempt < BEST_AVAILABLE_TRIES; attempt++) {
            BitSet free = redis.takenIfAny(eventId, map.size()).orElseGet(() -> {
                inventories.ensureLoaded(orgId, eventId);
                return redis.taken(eventId, map.size());
            });
            free.flip(0, map.size());
            if (free.cardinality() < wanted.quantity()) {
                // sold out, the common answer late in a sale: no need to search the map
                throw notEnoughSeats(wanted);
            }
            var choice = (wanted.category() == null ? BestAvailable.choose(map, free, wanted.quantity())
                    : BestAvailable.choose(map, free, wanted.quantity(), wanted.category()))
                    .or(() -> ScatteredSeats.choose(map, free, wanted.quantity(), wanted.category()));
            List<Seat> chosen = choice.orElseThrow(() -> notEnoughSeats(wanted));
            Hold hold = new Hold(UUID.randomUUID(), orgId, eventId, null, chosen.size(),
                    chosen.stream().map(Seat::index).toList(), Hold.ACTIVE, expiresAt, maxExpiresAt);
            try {
                return holdSeats(actor, hold);
            } catch (SeatsTakenException raced) {
                // another buyer took one of them between the read and the script: choose again
            }
        }
        throw ApiException.conflict("seats_contended", "seats kept being taken while choosing; try again");
    }

    private static ApiException notEnoughSeats(HoldRequest.BestAvailableRequest wanted) {
        return ApiException.conflict("not_enough_seats", "no " + wanted.quantity() + " free seats"
                + (wanted.category() == null ? "" : " in " + wanted.category()));
    }

    private Hold holdGeneralAdmission(Actor actor, Hold hold) {
        RedisInventory.Outcome outcome = redis.holdGeneralAdmission(hold.eventId(), hold.id(), millis(hold.expiresAt()),
                hold.ticketType(), hold.quantity());
        if (outcome instanceof RedisInventory.Outcome.NotLoaded) {
            inventories.ensureLoaded(hold.organizationId(), hold.eventId());
            outcome = redis.holdGeneralAdmission(hold.eventId(), hold.id(), millis(hold.expiresAt()),
                    hold.ticketType(), hold.quantity());
        }
        if (outcome instanceof RedisInventory.Outcome.UnknownTicketType) {
            throw ApiException.badRequest("unknown_ticket_type", "this event has no such ticket type");
        }
        if (outcome instanceof RedisInventory.Outcome.SoldOut soldOut) {
            throw ApiException.conflict("sold_out", hold.ticketType() + ": only " + Math.max(0, soldOut.remaining())
                    + " left");
        }
        return record(actor, hold);
    }

    /** Records the hold through the journal; if PostgreSQL refuses or fails, the Redis hold is undone. */
    private Hold record(Actor actor, Hold hold) {
        HoldJournal.Result result;
        try {
            result = journal.record(new HoldJournal.Create(actor, hold, eventData(hold, true)));
        } catch (RuntimeException e) {
            redis.release(hold.eventId(), hold.id());
            throw e;
        }
        if (result instanceof HoldJournal.Refused refused) {
            // taken before the release: a load that starts after this point sees the refusing state
            long seenLoads = inventories.loadsOf(hold.eventId());
            redis.release(hold.eventId(), hold.id());
            if (!refused.code().equals("event_not_on_sale")) {
                inventories.reloadAfterRefusal(hold.eventId(), seenLoads);
            }
            throw ApiException.conflict(refused.code(), refused.detail());
        }
        try {
            if (redis.ensureHold(hold, millis(hold.expiresAt()))) {
                LOG.log(System.Logger.Level.INFO, "hold_restored_after_load hold=" + hold.id());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "hold_restore_failed hold=" + hold.id() + " error=\"" + e.getMessage() + "\"");
        }
        return hold;
    }

    /** The buyer lets go of an active hold; false when it is not active (any more). */
    public boolean release(Actor actor, UUID orgId, UUID holdId) {
        return end(actor, orgId, holdId, Hold.RELEASED, false);
    }

    /** Expires the hold if it is active and its time is up (an extension may have moved it). */
    boolean expireIfDue(Actor actor, UUID orgId, UUID holdId) {
        return end(actor, orgId, holdId, Hold.EXPIRED, true);
    }

    private boolean end(Actor actor, UUID orgId, UUID holdId, String status, boolean onlyIfDue) {
        if (!(journal.record(new HoldJournal.End(actor, orgId, holdId, status, onlyIfDue))
                instanceof HoldJournal.Ended(Hold ended))) {
            return false;
        }
        redis.release(ended.eventId(), ended.id());
        return true;
    }

    /** Moves an active hold's expiry (never past its maximum), with {@code seat.hold_extended}. */
    public Hold extend(Actor actor, UUID orgId, UUID holdId, int seconds) {
        Hold extended = outbox.transact(actor, tx -> {
            Hold hold = InventoryStore.findHold(tx.sql(), orgId, holdId, true).filter(h -> h.status().equals(Hold.ACTIVE))
                    .orElseThrow(() -> ApiException.conflict("hold_not_active", "hold " + holdId + " is not active"));
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            // the sweeper may not have ended it yet, but a hold past its time is over: its seats may be anyone's
            if (!hold.expiresAt().isAfter(now)) {
                throw ApiException.conflict("hold_expired", "hold " + holdId + " has expired");
            }
            // PostgreSQL keeps microseconds: the answer, the event and Redis say exactly what it stored
            OffsetDateTime wanted = now.plusSeconds(seconds).truncatedTo(ChronoUnit.MICROS);
            OffsetDateTime until = wanted.isAfter(hold.maxExpiresAt()) ? hold.maxExpiresAt() : wanted;
            InventoryStore.extendHold(tx.sql(), holdId, until);
            Hold moved = new Hold(hold.id(), hold.organizationId(), hold.eventId(), hold.ticketType(), hold.quantity(),
                    hold.seatIndexes(), hold.status(), until, hold.maxExpiresAt());
            tx.emit(EventTypes.SEAT_HOLD_EXTENDED_V1, orgId, holdId, eventData(tx.sql(), moved, true)
                    .put("previous_expires_at", hold.expiresAt().withOffsetSameInstant(ZoneOffset.UTC).toString()));
            return moved;
        });
        redis.reschedule(extended.eventId(), extended.id(), millis(extended.expiresAt()));
        return extended;
    }

    public java.util.Optional<Hold> find(UUID orgId, UUID holdId) {
        return InventoryStore.findHold(dsl, orgId, holdId, false);
    }

    private ObjectNode eventData(Hold hold, boolean withExpiry) {
        return eventData(dsl, hold, withExpiry);
    }

    /** The payload of a hold's event; seat ids come from the seat map, loaded through {@code via} if need be. */
    private ObjectNode eventData(DSLContext via, Hold hold, boolean withExpiry) {
        ObjectNode data = Json.object().put("hold_id", hold.id().toString()).put("event_id", hold.eventId().toString());
        ArrayNode seats = data.putArray("seats");
        inventories.seatMap(via, hold.eventId()).ifPresent(map ->
                hold.seatIndexes().forEach(i -> seats.add(map.seatAt(i).id().toString())));
        data.put("quantity", hold.quantity());
        if (hold.ticketType() != null) {
            data.put("ticket_type", hold.ticketType());
        }
        if (withExpiry) {
            data.put("expires_at", hold.expiresAt().toString());
        }
        return data;
    }

    @Override
    public void close() {
        journal.close();
    }

    private static long millis(OffsetDateTime at) {
        return at.toInstant().toEpochMilli();
    }
}
