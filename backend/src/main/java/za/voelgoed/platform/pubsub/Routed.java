package za.voelgoed.platform.pubsub;

import java.util.Set;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;

/**
 * A system event with the topics it is published on, and, for a dispatched domain event, the offset of its
 * organisation's event dispatched before it (0 for the first, and for messages without offsets).
 */
public record Routed(Set<Topic> topics, EventMessage message, long previousOffset) {
    public Routed {
        topics = Set.copyOf(topics);
    }

    public Routed(Set<Topic> topics, EventMessage message) {
        this(topics, message, 0);
    }

    /** A message as one subscriber receives it: with the subscribed topic it matched. */
    public record Match(Topic topic, EventMessage message) {
    }
}
