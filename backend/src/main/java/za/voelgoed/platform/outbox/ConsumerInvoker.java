package za.voelgoed.platform.outbox;

import java.util.Optional;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypeName;
import za.voelgoed.shared.event.EventTypeRegistry;

/**
 * Runs one consumer on one event: routes the event to the version the consumer registered for
 * (projection or upcasting), isolates a transactional consumer's writes in a savepoint, and times it.
 */
final class ConsumerInvoker {

    private final EventTypeRegistry types;
    private final OutboxTelemetry telemetry;

    ConsumerInvoker(EventTypeRegistry types, OutboxTelemetry telemetry) {
        this.types = types;
        this.telemetry = telemetry;
    }

    /** Empty when the consumer succeeded, else what it threw; its SQL writes are undone on failure. */
    Optional<Throwable> invoke(DSLContext sql, ConsumerSpec consumer, DomainEvent event) {
        long start = System.nanoTime();
        String domain = types.require(event.eventType()).domain();
        try {
            DomainEvent adapted = adapt(consumer, event);
            if (consumer.transactional()) {
                sql.transaction(nested -> consumer.handler().handle(adapted,
                        new ConsumerContext(nested.dsl(), consumer.name())));
            } else {
                consumer.handler().handle(adapted, new ConsumerContext(null, consumer.name()));
            }
            telemetry.handled(consumer.name(), event, domain, System.nanoTime() - start, true);
            return Optional.empty();
        } catch (Exception | LinkageError | AssertionError e) {
            telemetry.handled(consumer.name(), event, domain, System.nanoTime() - start, false);
            return Optional.of(unwrap(e));
        }
    }

    private DomainEvent adapt(ConsumerSpec consumer, DomainEvent event) {
        EventTypeName from = event.typeName();
        int wanted = consumer.versions().get(from.name());
        if (wanted == from.version()) {
            return event;
        }
        return new DomainEvent(event.eventId(), EventTypeName.of(from.name(), wanted).wire(),
                event.organizationId(), event.resourceType(), event.resourceId(), event.resourceSeq(),
                types.adapt(from, event.persistedChange(), wanted), event.timestamp(), event.actorUserId(),
                event.ipAddress(), event.metadata());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof org.jooq.exception.DataAccessException && cause.getCause() != null
                && !(cause.getCause() instanceof java.sql.SQLException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
