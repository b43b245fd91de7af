package za.voelgoed.platform.outbox;

import java.util.List;

/** Where dispatched events go after the consumers: system events (PubSub), with their offsets. */
@FunctionalInterface
public interface EventPublisher {
    void publish(List<Dispatched> events);
}
