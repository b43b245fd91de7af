package za.voelgoed.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.json.Json;

/** An open action: its SQL context and the way to record domain events in the same transaction. */
public final class Transaction {

    private final DSLContext sql;
    private final Actor actor;
    private final EventWriter writer;
    private final List<DomainEvent> emitted;

    Transaction(DSLContext sql, Actor actor, EventWriter writer, List<DomainEvent> emitted) {
        this.sql = sql;
        this.actor = actor;
        this.writer = writer;
        this.emitted = emitted;
    }

    public DSLContext sql() {
        return sql;
    }

    public Actor actor() {
        return actor;
    }

    /**
     * The same transaction acting for {@code other}: the events it emits carry that actor. A group commit
     * records the actions of many requests, each under its own actor, in one transaction.
     */
    public Transaction actingAs(Actor other) {
        return new Transaction(sql, other, writer, emitted);
    }

    /** Records an event of {@code eventType} on the resource; the resource type comes from the schema. */
    public DomainEvent emit(String eventType, UUID organizationId, UUID resourceId, JsonNode change) {
        return emit(eventType, organizationId, resourceId, change, Json.object());
    }

    /** One event of a batch, with its own actor (a batch may carry the actions of many requests). */
    public record Emission(Actor actor, String eventType, UUID organizationId, UUID resourceId, JsonNode change,
                           JsonNode metadata) {
        public Emission(Actor actor, String eventType, UUID organizationId, UUID resourceId, JsonNode change) {
            this(actor, eventType, organizationId, resourceId, change, Json.object());
        }
    }

    /** Records many events in two statements instead of one per event; same rules as {@link #emit}. */
    public List<DomainEvent> emitAll(List<Emission> emissions) {
        if (emissions.isEmpty()) {
            return List.of();
        }
        List<DomainEvent> events = writer.writeAll(sql, emissions);
        emitted.addAll(events);
        return events;
    }

    public DomainEvent emit(String eventType, UUID organizationId, UUID resourceId, JsonNode change,
                            JsonNode metadata) {
        DomainEvent event = writer.write(sql, actor, eventType, organizationId, resourceId, change, metadata);
        emitted.add(event);
        return event;
    }
}
