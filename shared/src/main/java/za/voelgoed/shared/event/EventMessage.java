package za.voelgoed.shared.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The system-event payload that PubSub fans out and the WebSocket gateway pushes (seed section 5.3).
 * {@code eventId} is the show the message concerns (seed naming), {@code id} the message id (the
 * domain event's id) and {@code seq} its per-resource sequence; a client drops anything whose
 * {@code (resourceType, resourceId, seq)} it has already seen and rehydrates on a gap. {@code offset} is
 * the event's place in its organisation's dispatch order (ascending, not contiguous: other topics' events
 * sit between), the exact point a client resumes a topic from; 0 for messages that are not domain events
 * (presence).
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
        Instant timestamp,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) long offset) {

    /** A message without a dispatch offset (a system event that is not a domain event, or a test's). */
    public EventMessage(String event, UUID orgId, UUID eventId, UUID id, long seq, String resourceType,
                        UUID resourceId, JsonNode data, Instant timestamp) {
        this(event, orgId, eventId, id, seq, resourceType, resourceId, data, timestamp, 0);
    }

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
        if (offset < 0) {
            throw new InvalidEventException("offset must be 0 or more");
        }
    }

    /** The message of a committed domain event; {@code showId} is the show it concerns, if any. */
    public static EventMessage of(DomainEvent event, UUID showId) {
        return of(event, showId, 0);
    }

    /** The message of a dispatched domain event, with its offset in the organisation's dispatch order. */
    public static EventMessage of(DomainEvent event, UUID showId, long offset) {
        return new EventMessage(event.eventType(), event.organizationId(), showId, event.eventId(),
                event.resourceSeq(), event.resourceType(), event.resourceId(), event.persistedChange(),
                event.timestamp(), offset);
    }
}
