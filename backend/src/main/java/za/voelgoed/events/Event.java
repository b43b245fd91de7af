package za.voelgoed.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** A show: what it is, when it starts, and where it is in its lifecycle. */
public record Event(
        UUID id,
        UUID organizationId,
        String name,
        Instant startsAt,
        Instant endsAt,
        String venue,
        String status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt) {

    @JsonIgnore
    public EventStatus lifecycle() {
        return EventStatus.ofWire(status);
    }
}
