package za.voelgoed.shared.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A domain event exactly as recorded in the outbox (seed section 4.1, DESIGN section 4): it exists if
 * and only if the transaction that changed the resource committed, and {@code resourceSeq} orders it
 * among the events of the same resource. {@code persistedChange} is already scrubbed of PII.
 *
 * @param actorUserId the user who acted, or null for system actions
 * @param ipAddress   the device's address for scan and device events, otherwise null
 */
public record DomainEvent(
        UUID eventId,
        String eventType,
        UUID organizationId,
        String resourceType,
        UUID resourceId,
        long resourceSeq,
        JsonNode persistedChange,
        Instant timestamp,
        UUID actorUserId,
        String ipAddress,
        JsonNode metadata) {

    public DomainEvent {
        // JSON null decodes to a NullNode; an absent value is Java null on both sides of the codec
        persistedChange = persistedChange instanceof com.fasterxml.jackson.databind.node.NullNode ? null : persistedChange;
        metadata = metadata instanceof com.fasterxml.jackson.databind.node.NullNode ? null : metadata;
    }

    public EventTypeName typeName() {
        return EventTypeName.parse(eventType);
    }
}
