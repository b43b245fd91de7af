package za.voelgoed.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * A show: what it is, when it starts, and where it is in its lifecycle. {@code seq} is the watermark a
 * client merges live events against: the seq of the latest {@code events} domain event of this show.
 */
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
        Instant updatedAt,
        long seq) {

    /** The same show at the per-resource seq of the latest domain event that reflects it. */
    public Event withSeq(long newSeq) {
        return new Event(id, organizationId, name, startsAt, endsAt, venue, status, publishedAt, createdAt, updatedAt,
                newSeq);
    }

    @JsonIgnore
    public EventStatus lifecycle() {
        return EventStatus.ofWire(status);
    }
}
