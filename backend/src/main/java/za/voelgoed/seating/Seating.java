package za.voelgoed.seating;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.redis.Redis;

/**
 * The seating slice's API: holds, availability, and keeping Redis in step with PostgreSQL. A show's
 * status comes from the events slice through {@code showStatus} (org, show → status), so this slice
 * does not read the events tables.
 */
public final class Seating implements AutoCloseable {

    private final Inventories inventories;
    private final Holds holds;
    private final AvailabilityReader availability;
    private final DriftChecker drift;
    private final HoldSweeper sweeper;
    private final DSLContext dsl;
    private final BiFunction<UUID, UUID, Optional<String>> showStatus;

    public Seating(Outbox outbox, DSLContext dsl, Redis redis, Clock clock, long sweepIntervalMs, String nodeId,
                   BiFunction<UUID, UUID, Optional<String>> showStatus, InventoryTelemetry telemetry) {
        RedisInventory inventory = new RedisInventory(redis);
        this.dsl = dsl;
        this.inventories = new Inventories(dsl, inventory);
        this.holds = new Holds(outbox, dsl, inventory, inventories, clock);
        this.availability = new AvailabilityReader(dsl, inventories);
        this.drift = new DriftChecker(dsl, inventory, inventories, telemetry);
        this.sweeper = sweepIntervalMs > 0 ? new HoldSweeper(dsl, inventory, holds, sweepIntervalMs, nodeId) : null;
        this.showStatus = showStatus;
    }

    public Hold hold(Actor actor, UUID orgId, UUID eventId, HoldRequest request) {
        String status = showStatus.apply(orgId, eventId).orElseThrow(() ->
                ApiException.notFound("event_not_found", "no event " + eventId));
        if (!status.equals("published")) {
            throw ApiException.conflict("event_not_on_sale", "event " + eventId + " is " + status);
        }
        SaleSettings settings = InventoryStore.settings(dsl, eventId).orElse(SaleSettings.DEFAULT);
        return holds.hold(actor, orgId, eventId, request, settings);
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

    /** Reloads the show's Redis state from PostgreSQL (the rebuild route; FLUSHALL is noticed by itself). */
    public void rebuild(UUID eventId) {
        inventories.rebuild(eventId);
    }

    /** Reloads every show that has a sale from PostgreSQL: what a node does when it starts. */
    public int rebuildAll() {
        var events = dsl.fetch("select event_id from event_sale_settings").map(r -> r.get(0, UUID.class));
        events.forEach(inventories::rebuild);
        return events.size();
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

    int sweepNow() {
        return sweeper == null ? 0 : sweeper.sweep();
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.close();
        }
    }
}
