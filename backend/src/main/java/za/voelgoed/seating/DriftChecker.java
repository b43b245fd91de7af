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

    public Drift checkAndRepair(UUID orgId, UUID eventId) {
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
        int seats = differs.cardinality();
        telemetry.drift(orgId, eventId, seats + tickets);
        if (seats + tickets == 0) {
            return new Drift(0, 0, false);
        }
        LOG.log(Level.WARNING, "inventory_drift event=" + eventId + " seats=" + seats + " tickets=" + tickets
                + "; reloading Redis from PostgreSQL");
        inventories.rebuild(eventId);
        return new Drift(seats, tickets, true);
    }
}
