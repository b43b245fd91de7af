package za.voelgoed.platform.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import za.voelgoed.seating.InventoryTelemetry;

/**
 * {@code voelgoed_inventory_drift{organization_id}}: differences found between Redis and PostgreSQL at the
 * last check of each of the organisation's shows, summed. Show ids are never tags: they are unbounded and
 * name a tenant's business to whoever scrapes the node; the drift log line names the show.
 */
public final class MicrometerInventoryTelemetry implements InventoryTelemetry {

    private final MeterRegistry registry;
    /** Last differences per show, by organisation. */
    private final Map<UUID, Map<UUID, Long>> byOrg = new ConcurrentHashMap<>();

    public MicrometerInventoryTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void drift(UUID organizationId, UUID eventId, long differences) {
        byOrg.computeIfAbsent(organizationId, org -> {
            Map<UUID, Long> shows = new ConcurrentHashMap<>();
            Gauge.builder("voelgoed.inventory.drift", shows,
                            s -> s.values().stream().mapToLong(Long::longValue).sum())
                    .description("Seats and ticket counts on which Redis differed from PostgreSQL at the last check,"
                            + " summed over the organisation's shows")
                    .tags("organization_id", org.toString())
                    .register(registry);
            return shows;
        }).put(eventId, differences);
    }
}
