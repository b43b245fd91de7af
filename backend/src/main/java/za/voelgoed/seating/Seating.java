package za.voelgoed.seating;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.seating.model.SeatMap;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * The seating slice's API: holds, availability, and keeping Redis in step with PostgreSQL. A show's
 * status comes from the events slice through {@code showStatus} (org, show → status), so this slice
 * does not read the events tables.
 */
public final class Seating implements AutoCloseable {

    private final Inventories inventories;
    private final RedisInventory redisInventory;
    private final Holds holds;
    private final Allocations allocations;
    private final AvailabilityReader availability;
    private final StockReader stock;
    private final DriftChecker drift;
    private final HoldSweeper sweeper;
    private final Thread driftLoop;
    private volatile boolean running = true;
    private final DSLContext dsl;
    private final BiFunction<UUID, UUID, Optional<String>> showStatus;
    private static final long ON_SALE_CACHE_NANOS = 1_000_000_000L;
    /** How long a stale "on sale" is still trusted while one request reads the show again. */
    private static final long ON_SALE_STALE_NANOS = 10_000_000_000L;
    private final java.util.Map<OnSale, Long> onSale = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<OnSale> rereading = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Seating(Outbox outbox, DSLContext dsl, Redis redis, Clock clock, long sweepIntervalMs, long driftIntervalMs,
                   String nodeId, BiFunction<UUID, UUID, Optional<String>> showStatus, InventoryTelemetry telemetry,
                   InventoryExpiry expiry) {
        RedisInventory inventory = new RedisInventory(redis);
        this.redisInventory = inventory;
        this.dsl = dsl;
        this.inventories = new Inventories(dsl, inventory, expiry);
        this.holds = new Holds(outbox, dsl, inventory, inventories, clock, nodeId);
        this.allocations = new Allocations(outbox, inventories);
        this.availability = new AvailabilityReader(dsl, inventories);
        this.stock = new StockReader(inventories);
        this.drift = new DriftChecker(dsl, inventory, inventories, telemetry);
        this.sweeper = sweepIntervalMs > 0 ? new HoldSweeper(dsl, inventory, holds, sweepIntervalMs, nodeId) : null;
        this.driftLoop = driftIntervalMs > 0 ? Thread.ofPlatform().daemon().name("inventory-drift-" + nodeId)
                .start(() -> checkDriftEvery(driftIntervalMs)) : null;
        this.showStatus = showStatus;
    }

    public Hold hold(Actor actor, UUID orgId, UUID eventId, HoldRequest request) {
        requireOnSale(orgId, eventId);
        return holds.hold(actor, orgId, eventId, request, inventories.settings(eventId));
    }

    /**
     * Refuses a show that is not on sale. "On sale" is remembered for a second per node so a flash sale
     * does not read the show per request; a show taken off sale meanwhile is refused all the same when the
     * hold is written (the hold journal checks the status in its transaction). When the second is up, one
     * request reads the show again while the others go on trusting it: before, every request in flight read it
     * at once, a burst of queries each second that took the pool's connections from everything else.
     */
    private void requireOnSale(UUID orgId, UUID eventId) {
        OnSale key = new OnSale(orgId, eventId);
        Long seenAt = onSale.get(key);
        long age = seenAt == null ? Long.MAX_VALUE : System.nanoTime() - seenAt;
        if (age < ON_SALE_CACHE_NANOS || age < ON_SALE_STALE_NANOS && !rereading.add(key)) {
            return;
        }
        try {
            readStatus(key, orgId, eventId);
        } finally {
            rereading.remove(key);
        }
    }

    private void readStatus(OnSale key, UUID orgId, UUID eventId) {
        String status = showStatus.apply(orgId, eventId).orElseThrow(() ->
                ApiException.notFound("event_not_found", "no event " + eventId));
        if (!status.equals("published")) {
            onSale.remove(key);
            throw ApiException.conflict("event_not_on_sale", "event " + eventId + " is " + status);
        }
        onSale.put(key, System.nanoTime());
    }

    private record OnSale(UUID orgId, UUID eventId) {
    }

    public Optional<Hold> findHold(UUID orgId, UUID holdId) {
        return holds.find(orgId, holdId);
    }

    public boolean release(Actor actor, UUID orgId, UUID holdId) {
        return holds.release(actor, orgId, holdId);
    }

    public Hold extend(Actor actor, UUID orgId, UUID holdId, int seconds) {
        return holds.extend(actor, orgId, holdId, seconds);
    }

    public Availability availability(UUID orgId, UUID eventId) {
        showStatus.apply(orgId, eventId).orElseThrow(() -> ApiException.notFound("event_not_found", "no event " + eventId));
        return availability.read(eventId);
    }

    /** Body of the seat allocation route: block seats, or set them aside for a channel, or give them back. */
    public record Allocation(List<String> seats, Boolean blocked, String channel) {
    }

    /**
     * The {@link Stock} of each show (capacity, held, off sale per category and ticket type) read in the
     * caller's transaction {@code tx}, from counters and partial indexes, never from sold seats.
     */
    public java.util.Map<UUID, List<Stock>> stock(DSLContext tx, List<UUID> eventIds) {
        return stock.read(tx, eventIds);
    }

    /**
     * Blocks seats (not for sale), allocates them to a channel (box office, sponsor: off public sale), or
     * returns them to sale, with {@code seat.allocation_changed}. Seats held or sold are refused (409 naming
     * them). Redis is reloaded after.
     */
    public int allocate(Actor actor, UUID orgId, UUID eventId, Allocation request) {
        showStatus.apply(orgId, eventId).orElseThrow(() -> ApiException.notFound("event_not_found", "no event " + eventId));
        return allocations.allocate(actor, orgId, eventId, request);
    }

    /** Reloads the show's Redis state from PostgreSQL (the rebuild route; FLUSHALL is noticed by itself). */
    public void rebuild(UUID eventId) {
        inventories.rebuild(eventId);
    }

    /**
     * What a node does when it starts: reloads the shows on sale or still to come from PostgreSQL; the rest
     * load on first use. Returns how many it loaded.
     */
    public int rebuildAll() {
        return inventories.loadCurrent();
    }

    /** Compares Redis with PostgreSQL for the show, repairs a difference, and returns it. */
    public DriftChecker.Drift checkDrift(UUID orgId, UUID eventId) {
        return drift.checkAndRepair(orgId, eventId);
    }

    /** The seat ids of a hold, as the API shows them. */
    public java.util.List<String> seatIds(Hold hold) {
        return inventories.seatMap(hold.eventId()).map(map -> hold.seatIndexes().stream()
                .map(i -> map.seatAt(i).id().toString()).toList()).orElse(java.util.List.of());
    }

    /** Before charging a card: the hold if it is active and not expired (a read; the order's transaction checks again). */
    public Hold checkForCheckout(UUID orgId, UUID holdId) {
        return checked(InventoryStore.findHold(dsl, orgId, holdId, false), holdId);
    }

    /**
     * For checkout, in the order's transaction: the hold, locked, if it is active and not expired;
     * otherwise 404 {@code hold_not_found} or 409 {@code hold_expired} / {@code hold_not_active}.
     */
    public Hold lockForCheckout(DSLContext tx, UUID orgId, UUID holdId) {
        return checked(InventoryStore.findHold(tx, orgId, holdId, true), holdId);
    }

    private static Hold checked(Optional<Hold> found, UUID holdId) {
        Hold hold = found.orElseThrow(() -> ApiException.notFound("hold_not_found", "no hold " + holdId));
        if (!hold.status().equals(Hold.ACTIVE)) {
            throw ApiException.conflict(hold.status().equals(Hold.EXPIRED) ? "hold_expired" : "hold_not_active",
                    "hold " + holdId + " is " + hold.status());
        }
        if (!hold.expiresAt().toInstant().isAfter(java.time.Instant.now())) {
            throw ApiException.conflict("hold_expired", "hold " + holdId + " expired at " + hold.expiresAt());
        }
        return hold;
    }

    /** The unit price of each thing a hold holds: per seat (its category's price) or per ticket. */
    public java.util.List<Long> unitPrices(DSLContext tx, Hold hold) {
        if (hold.isGeneralAdmission()) {
            long price = InventoryStore.ticketTypes(tx, hold.eventId()).stream()
                    .filter(t -> t.code().equals(hold.ticketType())).findFirst().orElseThrow().priceCents();
            return java.util.Collections.nCopies(hold.quantity(), price);
        }
        SeatMap map = inventories.seatMap(tx, hold.eventId()).orElseThrow();
        java.util.Map<String, Long> prices = InventoryStore.categoryPrices(tx, hold.eventId());
        return hold.seatIndexes().stream().map(i -> prices.get(map.seatAt(i).category())).toList();
    }

    public String currency(UUID eventId) {
        return inventories.settings(eventId).currency();
    }

    /** In the order's transaction: the hold's inventory is sold to the order. */
    public void convert(DSLContext tx, Hold hold, UUID orderId) {
        InventoryStore.convertHold(tx, hold, orderId);
    }

    /** After the order committed: Redis follows. */
    public void afterConverted(Hold hold) {
        redisInventory.convert(hold.eventId(), hold.id(), hold.quantity());
    }

    /** Sold inventory of an order going back on sale: its seats, or a quantity of its ticket type. */
    public record Returned(UUID eventId, UUID orderId, String ticketType, int quantity, List<Integer> seatIndexes) {

        public Returned {
            seatIndexes = List.copyOf(seatIndexes);
        }
    }

    /**
     * In the refund's transaction: the order's inventory goes back on sale, and {@code seat.returned} tells
     * the show's seating topic which seats (or how many of which ticket type) are for sale again.
     */
    public void returnSold(Transaction tx, UUID orgId, Returned returned, String reason) {
        InventoryStore.returnSold(tx.sql(), returned.eventId(), returned.orderId(), returned.ticketType(),
                returned.quantity());
        ObjectNode data = Json.object().put("event_id", returned.eventId().toString())
                .put("order_id", returned.orderId().toString()).put("quantity", returned.quantity()).put("reason", reason);
        ArrayNode seats = data.putArray("seats");
        inventories.seatMap(tx.sql(), returned.eventId()).ifPresent(map ->
                returned.seatIndexes().forEach(i -> seats.add(map.seatAt(i).id().toString())));
        if (returned.ticketType() != null) {
            data.put("ticket_type", returned.ticketType());
        }
        tx.emit(EventTypes.SEAT_RETURNED_V1, orgId, returned.orderId(), data);
    }

    /** After the refund committed: Redis follows. */
    public void afterReturned(Returned returned) {
        redisInventory.returnSold(returned.eventId(), returned.ticketType(), returned.quantity(), returned.seatIndexes());
    }

    /** The seat id of a seat index of the show. */
    public String seatId(UUID eventId, int seatIndex) {
        return inventories.seatMap(eventId).orElseThrow().seatAt(seatIndex).id().toString();
    }

    /** Checks every show on sale for drift that stays between two checks, and repairs it. */
    private void checkDriftEvery(long intervalMs) {
        while (running) {
            try {
                Thread.sleep(intervalMs);
                for (var row : dsl.fetch("select distinct h.organization_id, h.event_id from holds h"
                        + " where h.created_at > now() - interval '1 day'")) {
                    drift.checkSteady(row.get(0, UUID.class), row.get(1, UUID.class));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger(Seating.class.getName()).log(System.Logger.Level.WARNING,
                        "inventory_drift_check_failed error=\"" + e.getMessage() + "\"");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (driftLoop != null) {
            driftLoop.interrupt();
        }
        if (sweeper != null) {
            sweeper.close();
        }
        holds.close();
    }
}
