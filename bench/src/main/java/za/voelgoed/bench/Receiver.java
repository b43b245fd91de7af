package za.voelgoed.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.platform.pubsub.MessageHandler;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;

/**
 * The benchmark's subscriber: records {@link System#nanoTime} when each message id (the domain event's id)
 * first reaches the handler, and counts ids that arrive again.
 */
final class Receiver implements MessageHandler {

    private final Map<UUID, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    @Override
    public void onMessage(Topic topic, EventMessage message) {
        long now = System.nanoTime();
        if (receivedAt.putIfAbsent(message.id(), now) != null) {
            duplicates.incrementAndGet();
        }
    }

    /** When the event was first received, or null. */
    Long receivedAt(UUID eventId) {
        return receivedAt.get(eventId);
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Waits until every one of {@code eventIds} was received, or {@code limit} passed. */
    void awaitAll(Collection<UUID> eventIds, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!receivedAt.keySet().containsAll(eventIds) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
