package za.voelgoed.platform.pubsub;

import java.util.List;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;

/** Receives the messages of a subscription on the subscription's own thread, in order. */
@FunctionalInterface
public interface MessageHandler {
    /** {@code topic} is the subscribed topic the message matched. */
    void onMessage(Topic topic, EventMessage message);

    /**
     * Messages that were waiting together (one dispatch batch, or several queued while the handler was
     * busy), in order. One at a time unless the handler can do better with them at once — a WebSocket
     * writes them as one message.
     */
    default void onMessages(List<Routed.Match> matches) {
        matches.forEach(m -> onMessage(m.topic(), m.message()));
    }
}
