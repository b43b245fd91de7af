package za.voelgoed.platform.outbox;

import java.time.Duration;
import za.voelgoed.shared.event.DomainEvent;

/** What the outbox reports to telemetry; the Micrometer adapter lives in the telemetry package. */
public interface OutboxTelemetry {

    void emitted(DomainEvent event, String domain);

    void handled(String consumer, DomainEvent event, String domain, long nanos, boolean ok);

    void published(DomainEvent event, String domain, Duration commitToPublish);

    void consumerBlocked(String consumer, String eventType, boolean parked);

    /** Latest sample of undispatched rows and of consumer blocks by state. */
    void backlog(long pendingEvents, java.util.Map<String, Integer> blocksByState);

    /** The retention deleted {@code events} events (with their receipts); no-op unless an adapter counts them. */
    default void pruned(int events) {
    }
}
