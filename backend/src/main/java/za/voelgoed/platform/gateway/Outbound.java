package za.voelgoed.platform.gateway;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Frames;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.topic.Topic;

/**
 * Everything a connection writes, one frame at a time (the socket is not safe for concurrent writers).
 * Remembers the last seq sent per resource, so an event that arrives twice — replayed and live, or on
 * two subscribed topics — is written once, and never behind a later one of the same resource.
 */
final class Outbound {

    private static final int REMEMBERED_RESOURCES = 50_000;

    private final WsSession session;
    private final GatewayTelemetry telemetry;
    private final EncodedFrames encoded;
    private final Map<String, Long> lastSeq = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_RESOURCES;
        }
    };

    Outbound(WsSession session, GatewayTelemetry telemetry, EncodedFrames encoded) {
        this.session = session;
        this.telemetry = telemetry;
        this.encoded = encoded;
    }

    synchronized void send(UUID org, ServerFrame frame) {
        write(org, Frames.encode(frame), frame.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }

    private void write(UUID org, String text, String type) {
        try {
            session.send(text, true);
            telemetry.frameSent(org, type);
        } catch (RuntimeException e) {
            // the socket is gone; onClose/onError cleans up
        }
    }

    /** Sends an event unless its topic is still replaying (then it is buffered) or it was already sent. */
    synchronized boolean sendEvent(Topic topic, EventMessage message, Subscriptions subscriptions) {
        if (subscriptions == null || subscriptions.bufferIfReplaying(topic, message)) {
            return false;
        }
        return sendIfNew(topic, message);
    }

    /** Caller holds this object's lock. */
    boolean sendIfNew(Topic topic, EventMessage message) {
        String key = Resume.resourceKey(message.resourceType(), message.resourceId());
        Long last = lastSeq.get(key);
        if (last != null && message.seq() <= last) {
            return false;
        }
        lastSeq.put(key, message.seq());
        write(message.orgId(), encoded.event(topic, message), "event");
        return true;
    }

    /** Records what the client says it has already applied. Caller holds this object's lock. */
    void seen(Map<String, Long> resources) {
        resources.forEach((key, seq) -> lastSeq.merge(key, seq, Math::max));
    }

    synchronized void ping() {
        try {
            session.ping(BufferData.empty());
        } catch (RuntimeException e) {
            // the socket is gone; onClose/onError cleans up
        }
    }

    /**
     * Sends a close frame. It waits for any write in progress; a writer stuck on a client that stopped
     * reading must be interrupted first (closing its PubSub subscription does that, and the interrupt
     * closes the socket), so this never hangs for more than a second.
     */
    void close(int code, String reason) {
        Thread closer = Thread.ofVirtual().start(() -> {
            try {
                session.close(code, reason);
            } catch (RuntimeException e) {
                // the socket is already gone
            }
        });
        try {
            closer.join(java.time.Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
