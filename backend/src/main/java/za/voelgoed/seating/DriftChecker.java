package za.voelgoed.seating;

import java.lang.System.Logger.Level;
import java.util.BitSet;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Compares a show's Redis state with PostgreSQL: seats taken in one and not the other, and ticket-type
 * counters that differ. Any difference is reported (the {@code inventory_drift} gauge) and repaired by
 * reloading Redis from PostgreSQL.
 */
public final class DriftChecker {

    private static final System.Logger LOG = System.getLogger(DriftChecker.class.getName());

    private final DSLContext dsl;
    private final RedisInventory redis;
    private final Inventories inventories;
    private final InventoryTelemetry telemetry;
    private final Map<UUID, Found> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();

    DriftChecker(DSLContext dsl, RedisInventory redis, Inventories inventories, InventoryTelemetry telemetry) {
        this.dsl = dsl;
        this.redis = redis;
        this.inventories = inventories;
        this.telemetry = telemetry;
    }

    /** What differed: seats, and ticket counts (held + sold) summed over types. */
    public record Drift(int seats, int tickets, boolean repaired) {
        public long total() {
            return seats + tickets;
        }
    }

    /** Compares now and repairs any difference (the on-demand route). */
    public Drift checkAndRepair(UUID orgId, UUID eventId) {
        Found found = compare(eventId);
        telemetry.drift(orgId, eventId, found.total());
        return found.total() == 0 ? new Drift(0, 0, false) : repair(eventId, found);
    }

    /**
     * The periodic check: repairs only a difference seen the same at the previous check too. While a sale
     * runs, writes in flight make Redis and PostgreSQL differ for a moment; a reload for each of those would
     * only race the next ones. A difference that stays is real.
     */
    Drift checkSteady(UUID orgId, UUID eventId) {
        Found found = compare(eventId);
        telemetry.drift(orgId, eventId, found.total());
        Found before = lastSeen.put(eventId, found);
        if (found.total() == 0 || !found.equals(before)) {
            return new Drift(found.seats().cardinality(), found.tickets(), false);
        }
        lastSeen.remove(eventId);
        return repair(eventId, found);
    }

    private Drift repair(UUID eventId, Found found) {
        LOG.log(Level.WARNING, "inventory_drift event=" + eventId + " seats=" + found.seats().cardinality()
                + " tickets=" + found.tickets() + "; reloading Redis from PostgreSQL");
        inventories.rebuild(eventId);
        return new Drift(found.seats().cardinality(), found.tickets(), true);
    }

    /** Which seats differ, and by how many tickets the counters differ. */
    private record Found(BitSet seats, int tickets) {
        long total() {
            return seats.cardinality() + (long) tickets;
        }
    }

    private Found compare(UUID eventId) {
        InventoryState truth = InventoryStore.state(dsl, eventId);
        BitSet differs = redis.taken(eventId, truth.seatCount());
        differs.xor(truth.taken());
        int tickets = 0;
        Map<String, Map<String, Integer>> ga = redis.generalAdmission(eventId);
        for (InventoryState.TicketTypeCount t : truth.ticketTypes()) {
            Map<String, Integer> cached = ga.getOrDefault(t.code(), Map.of());
            tickets += Math.abs(cached.getOrDefault("held", 0) - t.held())
                    + Math.abs(cached.getOrDefault("sold", 0) - t.sold())
                    + (cached.getOrDefault("capacity", -1) == t.capacity() ? 0 : 1);
        }
        tickets += (int) Math.abs(redis.sold(eventId) - truth.sold());
        return new Found(differs, tickets);
    }
}
