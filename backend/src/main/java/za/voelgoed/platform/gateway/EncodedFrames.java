package za.voelgoed.platform.gateway;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Frames;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.topic.Topic;

/**
 * Event frames encoded once per (message, topic) and shared by every socket that sends them: one event
 * fans out to hundreds of sockets, and encoding it hundreds of times was the gateway's largest CPU cost.
 * Keeps the most recent few thousand; an evicted frame is simply encoded again.
 */
final class EncodedFrames {

    private static final int CAPACITY = 8_192;

    private record Key(UUID id, Topic topic) {
    }

    private final ConcurrentHashMap<Key, String> frames = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Key> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    String event(Topic topic, EventMessage message) {
        Key key = new Key(message.id(), topic);
        String text = frames.get(key);
        if (text != null) {
            return text;
        }
        text = Frames.encode(new ServerFrame.Event(topic.toString(), message));
        if (frames.putIfAbsent(key, text) == null) {
            order.add(key);
            if (size.incrementAndGet() > CAPACITY) {
                Key eldest = order.poll();
                if (eldest != null) {
                    frames.remove(eldest);
                    size.decrementAndGet();
                }
            }
        }
        return text;
    }
}
