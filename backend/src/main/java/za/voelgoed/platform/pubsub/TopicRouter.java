package za.voelgoed.platform.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import za.voelgoed.platform.outbox.Dispatched;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.shared.topic.TopicFamily.Scope;

/**
 * Decides on which topics a domain event is published: its domain's org topic, its show's topic and,
 * where the data names one, its order's or scan session's topic. Payments go to the ticketing
 * topics (the seed has no payments family); a ticket sold for a seat also goes to its show's seating
 * topic. Every topic belongs to the event's organisation.
 */
public final class TopicRouter {

    private static final Map<String, String> TOPIC_DOMAIN = Map.of("payments", "ticketing");

    private final EventTypeRegistry types;

    public TopicRouter(EventTypeRegistry types) {
        this.types = types;
    }

    /** The event types this router knows: what may be published, with their schemas. */
    public EventTypeRegistry types() {
        return types;
    }

    public Set<Topic> topicsOf(DomainEvent event) {
        String schemaDomain = types.require(event.eventType()).domain();
        String domain = TOPIC_DOMAIN.getOrDefault(schemaDomain, schemaDomain);
        Set<Topic> topics = new LinkedHashSet<>();
        add(topics, domain, Scope.ORG, Optional.of(event.organizationId()));
        add(topics, domain, Scope.EVENT, showOf(event));
        add(topics, domain, Scope.ORDER, uuid(event.persistedChange(), "order_id")
                .or(() -> "order".equals(event.resourceType()) ? Optional.of(event.resourceId()) : Optional.empty()));
        add(topics, domain, Scope.SESSION, uuid(event.persistedChange(), "session_id"));
        if (domain.equals("ticketing") && event.persistedChange() != null && event.persistedChange().has("seat_id")) {
            // a sold seat changes the seat map too: seating screens follow seating:event only (seed 8.1)
            add(topics, "seating", Scope.EVENT, showOf(event));
        }
        return topics;
    }

    /** A dispatched event as PubSub carries it: its topics, its message with its offset, and the offset before it. */
    public Routed routed(Dispatched dispatched) {
        DomainEvent event = dispatched.event();
        return new Routed(topicsOf(event), EventMessage.of(event, showOf(event).orElse(null), dispatched.offset()),
                dispatched.previousOffset());
    }

    /** The show an event concerns: the resource itself for show events, else the data's event_id. */
    public Optional<UUID> showOf(DomainEvent event) {
        if ("event".equals(event.resourceType())) {
            return Optional.of(event.resourceId());
        }
        return uuid(event.persistedChange(), "event_id");
    }

    private static void add(Set<Topic> topics, String domain, Scope scope, Optional<UUID> id) {
        id.ifPresent(value -> TopicFamily.of(domain, scope).ifPresent(f -> topics.add(Topic.of(f, value))));
    }

    private static Optional<UUID> uuid(JsonNode data, String field) {
        JsonNode node = data == null ? null : data.get(field);
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(node.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
