package za.voelgoed.platform.pubsub;

import java.util.Set;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;

/** A system event with the topics it is published on. */
public record Routed(Set<Topic> topics, EventMessage message) {
    public Routed {
        topics = Set.copyOf(topics);
    }

    /** A message as one subscriber receives it: with the subscribed topic it matched. */
    public record Match(Topic topic, EventMessage message) {
    }
}
