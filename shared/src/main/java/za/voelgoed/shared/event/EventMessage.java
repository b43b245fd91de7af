package za.voelgoed.shared.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The system-event payload that PubSub fans out and the WebSocket gateway pushes (seed section 5.3).
 * {@code eventId} is the show the message concerns (seed naming), {@code id} the message id (the
 * domain event's id) and {@code seq} its per-resource sequence; a client drops anything whose
 * {@code (resourceType, resourceId, seq)} it has already seen and rehydrates on a gap.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventMessage(
        String event,
        UUID orgId,
        UUID eventId,
        UUID id,
        long seq,
        String resourceType,
        UUID resourceId,
        JsonNode data,
        Instant timestamp) {

    public EventMessage {
        if (event == null || orgId == null || id == null || resourceType == null || resourceId == null) {
            throw new InvalidEventException("an event message needs event, org_id, id, resource_type and resource_id");
        }
        if (seq < 1) {
            throw new InvalidEventException("seq must be 1 or more, got " + seq);
        }
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data must be a JSON object");
        }
    }

    /** The message of a committed domain event; {@code showId} is the show it concerns, if any. */
    public static EventMessage of(DomainEvent event, UUID showId) {
        return new EventMessage(event.eventType(), event.organizationId(), showId, event.eventId(),
                event.resourceSeq(), event.resourceType(), event.resourceId(), event.persistedChange(),
                event.timestamp());
    }
}
