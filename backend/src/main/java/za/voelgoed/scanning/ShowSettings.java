package za.voelgoed.scanning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How a show's gates treat scans: whether a ticket that left may enter again, and when the doors open (entries
 * before then are {@code not_yet_valid}; null means no doors time). A show never configured has the defaults.
 */
public record ShowSettings(UUID eventId, boolean reentryAllowed, OffsetDateTime doorsOpenAt) {

    static ShowSettings defaults(UUID eventId) {
        return new ShowSettings(eventId, false, null);
    }

    /** Whether an entry at {@code now} comes before the doors open. */
    boolean beforeDoors(Instant now) {
        return doorsOpenAt != null && now.isBefore(doorsOpenAt.toInstant());
    }
}
