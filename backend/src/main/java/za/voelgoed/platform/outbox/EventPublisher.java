package za.voelgoed.platform.outbox;

import java.util.List;
import za.voelgoed.shared.event.DomainEvent;

/** Where dispatched events go after the consumers: system events (PubSub). */
@FunctionalInterface
public interface EventPublisher {
    void publish(List<DomainEvent> events);
}
