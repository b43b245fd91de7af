package za.voelgoed.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.event.InvalidEventException;

/** Validates, scrubs, sequences and inserts one domain event inside the caller's transaction. */
final class EventWriter {

    private final EventTypeRegistry types;
    private final PiiScrubber scrubber;
    private final Clock clock;

    EventWriter(EventTypeRegistry types, PiiScrubber scrubber, Clock clock) {
        this.types = types;
        this.scrubber = scrubber;
        this.clock = clock;
    }

    DomainEvent write(DSLContext sql, Actor actor, String eventType, UUID organizationId, UUID resourceId,
                      JsonNode change, JsonNode metadata) {
        if (organizationId == null || resourceId == null) {
            throw new InvalidEventException(eventType + ": organization_id and resource_id are required");
        }
        EventSchema schema = types.require(eventType);
        JsonNode scrubbed = scrubber.scrub(change);
        schema.requireValid(scrubbed);
        // microsecond precision: what PostgreSQL stores, so the record equals what a reader loads back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DomainEvent draft = new DomainEvent(UUID.randomUUID(), eventType, organizationId, schema.resourceType(),
                resourceId, 0, scrubbed, now, actor.userId(), actor.ipAddress(), scrubber.scrub(metadata));
        long seq = OutboxStore.insertWithNextSeq(sql, draft);
        return new DomainEvent(draft.eventId(), eventType, organizationId, draft.resourceType(), resourceId, seq,
                scrubbed, now, draft.actorUserId(), draft.ipAddress(), draft.metadata());
    }
}
