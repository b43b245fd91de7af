package za.voelgoed.seating;

import java.util.UUID;

/** What the seating slice reports; the Micrometer adapter lives in platform.telemetry. */
public interface InventoryTelemetry {

    /** Seats and ticket counts on which Redis differed from PostgreSQL at the last check of the show. */
    void drift(UUID organizationId, UUID eventId, long differences);

    InventoryTelemetry NONE = (org, event, differences) -> {
    };
}
