package za.voelgoed.seating;

import java.lang.System.Logger.Level;
import za.voelgoed.events.EventsSlice;
import za.voelgoed.platform.telemetry.MicrometerInventoryTelemetry;
import za.voelgoed.platform.telemetry.RedisInventoryTelemetry;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/**
 * Seats and ticket-type quantities of shows: their routes, the hold sweeper and drift check (started with
 * {@link Seating}), and reloading the live inventory into Redis when the node starts.
 */
public final class SeatingSlice implements Slice {

    private static final System.Logger LOG = System.getLogger(SeatingSlice.class.getName());

    private final EventsSlice events;
    private Seating seating;

    public SeatingSlice(EventsSlice events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "seating";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        var config = platform.config();
        var shows = events.events();
        seating = new Seating(platform.outbox(), platform.dsl(), platform.redis(), platform.clock(),
                config.holdSweepIntervalMs(), config.driftCheckIntervalMs(), config.nodeId(), shows::statusOf,
                RedisInventoryTelemetry.both(new MicrometerInventoryTelemetry(platform.meters()),
                        new RedisInventoryTelemetry(platform.redis())),
                InventoryExpiry.ofHours(config.inventoryTtl().keepAfterEndHours(), config.inventoryTtl().defaultShowHours()));
        wiring.route("/api/orgs/{orgId}/events/{eventId}", new SeatingRoutes(seating, platform.idempotency()))
                .onStart(() -> LOG.log(Level.INFO, "inventory_rebuilt_on_start events=" + seating.rebuildAll()))
                .closing(seating);
    }

    /** The seating service, once this slice is wired. */
    public Seating seating() {
        return Wiring.built(seating, this);
    }
}
