package za.voelgoed.console.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.Topics;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;

/** Topics held in memory, for ViewModel tests: records who holds what and delivers events on demand. */
public final class FakeTopics implements Topics {

    private final Map<String, List<LiveConnection.TopicListener>> held = new LinkedHashMap<>();
    private final List<String> snapshots = new ArrayList<>();
    private long seq;

    @Override
    public LiveConnection.Handle subscribe(String topic, LiveConnection.TopicListener listener) {
        held.computeIfAbsent(topic, t -> new ArrayList<>()).add(listener);
        return new LiveConnection.Handle() {
            @Override
            public void snapshotTaken(long offset, String epoch, Instant takenAt) {
                snapshots.add(topic + "@" + offset);
            }

            @Override
            public void close() {
                List<LiveConnection.TopicListener> listeners = held.get(topic);
                if (listeners != null) {
                    listeners.remove(listener);
                    if (listeners.isEmpty()) {
                        held.remove(topic);
                    }
                }
            }
        };
    }

    public List<String> heldTopics() {
        return List.copyOf(held.keySet());
    }

    public List<String> snapshots() {
        return snapshots;
    }

    public void emit(String topic, String eventType, Object data) {
        JsonNode node = Json.mapper().valueToTree(data);
        EventMessage message = new EventMessage(eventType, UUID.randomUUID(), null, UUID.randomUUID(), 1, "thing",
                UUID.randomUUID(), node, Instant.now(), ++seq);
        held.getOrDefault(topic, List.of()).forEach(l -> l.onEvent(message));
    }

    public void reset(String topic) {
        held.getOrDefault(topic, List.of()).forEach(LiveConnection.TopicListener::onReset);
    }
}
