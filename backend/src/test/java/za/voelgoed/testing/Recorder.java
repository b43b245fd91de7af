package za.voelgoed.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import za.voelgoed.platform.pubsub.MessageHandler;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;

/** A PubSub handler that keeps every message it receives, in arrival order. */
public final class Recorder implements MessageHandler {

    private final List<EventMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(Topic topic, EventMessage message) {
        messages.add(message);
    }

    public List<EventMessage> messages() {
        return List.copyOf(messages);
    }

    public int size() {
        return messages.size();
    }

    public boolean sawId(java.util.UUID id) {
        return messages.stream().anyMatch(m -> m.id().equals(id));
    }
}
