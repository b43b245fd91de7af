package za.voelgoed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.shared.client.RealtimeClient;
import za.voelgoed.shared.client.TopicStream;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;

/**
 * A client that follows one organisation's show topic the way the client guide says, for as long as it is
 * open: it starts from the snapshot, applies live events through {@link TopicStream}, and whenever the socket
 * closes it reconnects and resumes from its offset (rehydrating when the server cannot recover). It records
 * what it applied, and every gap, duplicate, reconnect and rehydration.
 */
public final class FollowingClient implements RealtimeClient.Listener, AutoCloseable {

    private final int port;
    private final String token;
    private final UUID org;
    private final String topic;
    private final TopicStream stream = new TopicStream();
    private final List<EventMessage> applied = new ArrayList<>();
    private volatile RealtimeClient socket;
    private volatile boolean open = true;
    private volatile boolean live;
    private int gaps;
    private int duplicates;
    private int reconnects;
    private int rehydrations;

    public FollowingClient(int port, String token, UUID org) {
        this.port = port;
        this.token = token;
        this.org = org;
        this.topic = "events:org:" + org;
        connect(null);
    }

    private void connect(Resume resume) {
        socket = RealtimeClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), token, this);
        synchronized (this) {
            stream.awaitSnapshot();
        }
        socket.subscribe(topic, "follow", resume);
    }

    @Override
    public synchronized void onFrame(ServerFrame frame) {
        switch (frame) {
            case ServerFrame.Welcome w -> stream.connected(w.epoch());
            case ServerFrame.Event e -> offer(e.message());
            case ServerFrame.Subscribed s -> {
                if (Boolean.TRUE.equals(s.recovered())) {
                    applied.addAll(stream.applySnapshot(Map.of(), Instant.EPOCH));
                } else {
                    rehydrate();
                }
                live = true;
            }
            default -> { }
        }
    }

    private void offer(EventMessage message) {
        switch (stream.offer(message)) {
            case APPLIED -> applied.add(message);
            case DUPLICATE -> duplicates++;
            case GAP -> {
                gaps++;
                stream.awaitSnapshot();
                rehydrate();
            }
            case BUFFERED -> { }
        }
    }

    /** The snapshot path: the organisation's shows with their seq, and the offset they reflect. */
    private void rehydrate() {
        rehydrations++;
        JsonNode snapshot = new Api(port, token).get("/api/orgs/" + org + "/events?limit=500").json();
        Map<String, Long> watermark = new HashMap<>();
        snapshot.get("items").forEach(item -> watermark.put("event:" + item.get("id").asText(), item.get("seq").asLong()));
        applied.addAll(stream.applySnapshot(watermark, Instant.parse(snapshot.get("as_of").asText()),
                snapshot.get("offset").asLong(), snapshot.get("epoch").asText()));
    }

    @Override
    public void onClose(int code, String reason) {
        if (!open) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            synchronized (this) {
                reconnects++;
                live = false;
            }
            Resume resume;
            synchronized (this) {
                resume = stream.resumePoint();
            }
            connect(resume);
        });
    }

    public synchronized boolean isLive() {
        return live;
    }

    /** The resources applied, each at the last seq applied. */
    public synchronized Map<String, Long> lastSeqs() {
        return new HashMap<>(stream.resumePoint().resources());
    }

    public synchronized List<EventMessage> applied() {
        return List.copyOf(applied);
    }

    public synchronized int gaps() {
        return gaps;
    }

    public synchronized int duplicates() {
        return duplicates;
    }

    public synchronized int reconnects() {
        return reconnects;
    }

    public synchronized int rehydrations() {
        return rehydrations;
    }

    @Override
    public void close() {
        open = false;
        socket.close();
    }
}
