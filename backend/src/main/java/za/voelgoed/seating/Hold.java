package za.voelgoed.seating;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Seats (reserved seating) or a quantity of a ticket type (general admission) kept for one buyer until
 * {@code expiresAt}; extensions never pass {@code maxExpiresAt}.
 */
public record Hold(UUID id, UUID organizationId, UUID eventId, String ticketType, int quantity,
                   List<Integer> seatIndexes, String status, OffsetDateTime expiresAt, OffsetDateTime maxExpiresAt) {

    public static final String ACTIVE = "active";
    public static final String RELEASED = "released";
    public static final String EXPIRED = "expired";

    public Hold {
        seatIndexes = List.copyOf(seatIndexes);
    }

    public boolean isGeneralAdmission() {
        return ticketType != null;
    }
}
