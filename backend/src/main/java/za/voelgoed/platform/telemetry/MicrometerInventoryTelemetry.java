package za.voelgoed.platform.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.seating.InventoryTelemetry;

/**
 * {@code voelgoed_inventory_drift{organization_id, event_id}}: differences found between Redis and
 * PostgreSQL at the last check of a show. The show id is a tag here because only shows that were
 * checked (on sale) appear — bounded by the shows on sale, not by tickets.
 */
public final class MicrometerInventoryTelemetry implements InventoryTelemetry {

    private final MeterRegistry registry;
    private final Map<UUID, AtomicLong> drift = new ConcurrentHashMap<>();

    public MicrometerInventoryTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void drift(UUID organizationId, UUID eventId, long differences) {
        drift.computeIfAbsent(eventId, id -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("voelgoed.inventory.drift", value, AtomicLong::get)
                    .description("Seats and ticket counts on which Redis differed from PostgreSQL at the last check")
                    .tags("organization_id", organizationId.toString(), "event_id", eventId.toString())
                    .register(registry);
            return value;
        }).set(differences);
    }
}
