package za.voelgoed.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.orgs.Orgs;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.seating.SaleSetup;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/** The events slice's API: create a draft show, publish it, read it. */
public final class Events {

    private final Outbox outbox;
    private final DSLContext dsl;
    private final Orgs orgs;

    public Events(Outbox outbox, DSLContext dsl, Orgs orgs) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.orgs = orgs;
    }

    /** Input of {@code POST /api/orgs/{org_id}/events}; times are ISO-8601 with offset. */
    public record NewEvent(String name, String startsAt, String endsAt, String venue, SaleSetup.SeatingInput seating,
                           List<SaleSetup.TicketTypeInput> ticketTypes, String currency, Integer holdSeconds,
                           Integer maxHoldSeconds) {

        public NewEvent(String name, String startsAt, String endsAt, String venue) {
            this(name, startsAt, endsAt, venue, null, null, null, null, null);
        }

        SaleSetup.Input sale() {
            return new SaleSetup.Input(seating, ticketTypes, currency, holdSeconds, maxHoldSeconds);
        }
    }

    public Event create(Actor actor, UUID orgId, NewEvent input) {
        EventRules.Times times = EventRules.validate(input);
        SaleSetup.validate(input.sale());
        orgs.require(orgId);
        String venue = input.venue() == null ? null : input.venue().strip();
        return outbox.transact(actor, tx -> {
            Event event = EventStore.insert(tx.sql(), orgId, input.name().strip(), times, venue);
            SaleSetup.write(tx.sql(), event.id(), input.sale());
            return event.withSeq(emit(tx, EventTypes.EVENT_CREATED_V1, event));
        });
    }

    public Event publish(Actor actor, UUID orgId, UUID eventId) {
        return outbox.transact(actor, tx -> {
            Event event = EventStore.find(tx.sql(), orgId, eventId, true).orElseThrow(() -> notFound(eventId));
            EventRules.publishRefusal(event).ifPresent(code -> {
                throw ApiException.conflict(code, "event " + eventId + " is " + event.status());
            });
            Event published = EventStore.markPublished(tx.sql(), eventId);
            return published.withSeq(emit(tx, EventTypes.EVENT_PUBLISHED_V1, published));
        });
    }

    public Optional<Event> find(UUID orgId, UUID eventId) {
        return EventStore.find(dsl, orgId, eventId, false);
    }

    public Event require(UUID orgId, UUID eventId) {
        return find(orgId, eventId).orElseThrow(() -> notFound(eventId));
    }

    /** The organisation a show belongs to (how the gateway checks {@code events:event:{id}} topics). */
    public Optional<UUID> orgOf(UUID eventId) {
        return EventStore.orgOf(dsl, eventId);
    }

    /** The show's status if it belongs to the organisation (how the seating slice checks it is on sale). */
    public Optional<String> statusOf(UUID orgId, UUID eventId) {
        return find(orgId, eventId).map(Event::status);
    }

    public List<Event> list(UUID orgId, int limit) {
        orgs.require(orgId);
        return EventStore.list(dsl, orgId, limit);
    }

    /** Emits the show's event and returns its seq. */
    private static long emit(Transaction tx, String type, Event event) {
        ObjectNode change = Json.object()
                .put("event_id", event.id().toString())
                .put("name", event.name())
                .put("starts_at", event.startsAt().toString())
                .put("status", event.status());
        if (event.endsAt() != null) {
            change.put("ends_at", event.endsAt().toString());
        }
        if (event.venue() != null) {
            change.put("venue", event.venue());
        }
        if (event.publishedAt() != null) {
            change.put("published_at", event.publishedAt().toString());
        }
        return tx.emit(type, event.organizationId(), event.id(), change).resourceSeq();
    }

    private static ApiException notFound(UUID eventId) {
        return ApiException.notFound("event_not_found", "no event " + eventId + " in this organisation");
    }
}
