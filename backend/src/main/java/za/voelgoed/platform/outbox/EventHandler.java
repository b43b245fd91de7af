package za.voelgoed.platform.outbox;

import za.voelgoed.shared.event.DomainEvent;

/**
 * The body of an in-process consumer. It receives the event in the version it registered for and
 * must be idempotent: the outbox records a receipt per (consumer, event) so a redelivery of a handled
 * event is skipped, but side effects outside PostgreSQL (Redis, HTTP) can still run twice after a crash.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(DomainEvent event, ConsumerContext context) throws Exception;
}
