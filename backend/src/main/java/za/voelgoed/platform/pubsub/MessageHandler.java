package za.voelgoed.platform.pubsub;

import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;

/** Receives the messages of a subscription, one at a time, on the subscription's own thread. */
@FunctionalInterface
public interface MessageHandler {
    /** {@code topic} is the subscribed topic the message matched. */
    void onMessage(Topic topic, EventMessage message);
}
