package za.voelgoed.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
        DomainEvent draft = draft(actor, eventType, organizationId, resourceId, change, metadata);
        long seq = OutboxStore.insertWithNextSeq(sql, draft);
        return withSeq(draft, seq);
    }

    /** Many events in two statements; the result is in the order of {@code emissions}. */
    List<DomainEvent> writeAll(DSLContext sql, List<Transaction.Emission> emissions) {
        List<DomainEvent> drafts = emissions.stream().map(e -> draft(e.actor(), e.eventType(), e.organizationId(),
                e.resourceId(), e.change(), e.metadata())).toList();
        long[] seqs = OutboxStore.insertAllWithNextSeqs(sql, drafts);
        List<DomainEvent> written = new java.util.ArrayList<>(drafts.size());
        for (int i = 0; i < seqs.length; i++) {
            written.add(withSeq(drafts.get(i), seqs[i]));
        }
        return written;
    }

    private static DomainEvent withSeq(DomainEvent draft, long seq) {
        return new DomainEvent(draft.eventId(), draft.eventType(), draft.organizationId(), draft.resourceType(),
                draft.resourceId(), seq, draft.persistedChange(), draft.timestamp(), draft.actorUserId(),
                draft.ipAddress(), draft.metadata());
    }

    private DomainEvent draft(Actor actor, String eventType, UUID organizationId, UUID resourceId, JsonNode change,
                              JsonNode metadata) {
        if (organizationId == null || resourceId == null) {
            throw new InvalidEventException(eventType + ": organization_id and resource_id are required");
        }
        EventSchema schema = types.require(eventType);
        JsonNode scrubbed = scrubber.scrub(change);
        schema.requireValid(scrubbed);
        // microsecond precision: what PostgreSQL stores, so the record equals what a reader loads back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new DomainEvent(UUID.randomUUID(), eventType, organizationId, schema.resourceType(),
                resourceId, 0, scrubbed, now, actor.userId(), actor.ipAddress(), scrubber.scrub(metadata));
    }
}
