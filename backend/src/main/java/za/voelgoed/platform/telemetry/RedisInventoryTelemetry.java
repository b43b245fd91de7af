package za.voelgoed.platform.telemetry;

import java.lang.System.Logger.Level;
import java.util.UUID;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.seating.InventoryTelemetry;

/**
 * Keeps the drift checker's last result per show in Redis, where every node's telemetry route reads it
 * ({@code inventory_drift}), whichever node ran the check. A Redis failure here is logged, never thrown:
 * the check itself and its repair go on.
 */
public final class RedisInventoryTelemetry implements InventoryTelemetry {

    private static final System.Logger LOG = System.getLogger(RedisInventoryTelemetry.class.getName());

    private final TelemetryBoard board;

    public RedisInventoryTelemetry(Redis redis) {
        this.board = new TelemetryBoard(redis);
    }

    @Override
    public void drift(UUID organizationId, UUID eventId, long differences) {
        try {
            board.drift(organizationId, eventId, differences);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "telemetry_drift_unrecorded error=\"" + e.getMessage() + "\"");
        }
    }

    /** Reports to both. */
    public static InventoryTelemetry both(InventoryTelemetry first, InventoryTelemetry second) {
        return (org, event, differences) -> {
            first.drift(org, event, differences);
            second.drift(org, event, differences);
        };
    }
}
