package za.voelgoed.platform.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.platform.outbox.OutboxTelemetry;
import za.voelgoed.platform.pubsub.PubSubTelemetry;
import za.voelgoed.shared.event.DomainEvent;

/**
 * Micrometer adapter for the outbox and PubSub trackers. Tags are {@code organization_id},
 * {@code domain} and {@code event_type}; show and ticket ids are never tags (unbounded cardinality),
 * they stay in logs and payloads.
 */
public final class MicrometerEventTelemetry implements OutboxTelemetry, PubSubTelemetry {

    /** Histogram buckets for commit-to-publish/delivery: fine below 50 ms, where the targets are. */
    private static final Duration[] LATENCY_BUCKETS = java.util.stream.LongStream
            .of(1, 2, 3, 5, 8, 10, 15, 20, 25, 35, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    /**
     * Per-event meters by name and tag values (a registry lookup costs more). Their domain tag comes with each
     * call, so they are keyed by string; the per-frame meter below is an {@link OrgMeters}.
     */
    private final Map<String, Object> meters = new ConcurrentHashMap<>();
    /** Per subscriber and event: the hottest meter of a node. */
    private final OrgMeters<Timer> commitToDelivery;
    private final AtomicLong outboxBacklog = new AtomicLong();
    private final AtomicLong retryingBlocks = new AtomicLong();
    private final AtomicLong parkedBlocks = new AtomicLong();
    private final Counter pruned;

    public MicrometerEventTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.commitToDelivery = new OrgMeters<>((org, eventType) -> Timer.builder("voelgoed.pubsub.commit_to_delivery")
                .description("From the domain event's commit to its hand-over to a subscriber on this node")
                .tags("organization_id", org.toString(), "event_type", eventType)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
        Gauge.builder("voelgoed.outbox.backlog", outboxBacklog, AtomicLong::get)
                .description("Committed domain events not yet dispatched").register(registry);
        Gauge.builder("voelgoed.outbox.consumer_blocks", retryingBlocks, AtomicLong::get)
                .description("Resources held back for a consumer, by state").tag("state", "retrying").register(registry);
        Gauge.builder("voelgoed.outbox.consumer_blocks", parkedBlocks, AtomicLong::get)
                .description("Resources held back for a consumer, by state").tag("state", "parked").register(registry);
        this.pruned = Counter.builder("voelgoed.outbox.pruned")
                .description("Domain events deleted by the outbox retention, with their receipts").register(registry);
    }

    @Override
    public void pruned(int events) {
        pruned.increment(events);
    }

    @Override
    public void backlog(long pendingEvents, Map<String, Integer> blocksByState) {
        outboxBacklog.set(pendingEvents);
        retryingBlocks.set(blocksByState.getOrDefault("retrying", 0));
        parkedBlocks.set(blocksByState.getOrDefault("parked", 0));
    }

    @Override
    public void emitted(DomainEvent event, String domain) {
        ((Counter) meters.computeIfAbsent("emitted|" + event.organizationId() + "|" + event.eventType(), k ->
                Counter.builder("voelgoed.events.emitted")
                        .description("Domain events committed to the outbox")
                        .tags("organization_id", event.organizationId().toString(), "domain", domain,
                                "event_type", event.eventType())
                        .register(registry))).increment();
    }

    @Override
    public void handled(String consumer, DomainEvent event, String domain, long nanos, boolean ok) {
        Timer.builder("voelgoed.events.handling")
                .description("Time an in-process consumer took to handle one domain event")
                .tags("consumer", consumer, "organization_id", event.organizationId().toString(),
                        "domain", domain, "event_type", event.eventType(), "outcome", ok ? "ok" : "failed")
                .register(registry).record(Duration.ofNanos(nanos));
    }

    @Override
    public void published(DomainEvent event, String domain, Duration commitToPublish) {
        ((Timer) meters.computeIfAbsent("publish|" + event.organizationId() + "|" + event.eventType(), k ->
                Timer.builder("voelgoed.pubsub.commit_to_publish")
                        .description("From the domain event's commit to its PubSub publication")
                        .tags("organization_id", event.organizationId().toString(), "domain", domain,
                                "event_type", event.eventType())
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))).record(commitToPublish.isNegative() ? Duration.ZERO : commitToPublish);
    }

    @Override
    public void consumerBlocked(String consumer, String eventType, boolean parked) {
        Counter.builder("voelgoed.events.consumer_failures")
                .description("Consumer failures that blocked (or parked) a resource's events")
                .tags("consumer", consumer, "event_type", eventType, "parked", Boolean.toString(parked))
                .register(registry).increment();
    }

    @Override
    public void dropped(UUID organizationId, String reason) {
        Counter.builder("voelgoed.pubsub.dropped")
                .description("PubSub messages not delivered to a subscriber (queue full, Redis down)")
                .tags("organization_id", organizationId == null ? "none" : organizationId.toString(),
                        "reason", reason)
                .register(registry).increment();
    }

    @Override
    public void readBack(UUID organizationId, int events) {
        Counter.builder("voelgoed.pubsub.read_back")
                .description("Dispatched events a node did not receive over Redis and read back from the outbox")
                .tags("organization_id", organizationId.toString())
                .register(registry).increment(events);
    }

    @Override
    public void delivered(UUID organizationId, String eventType, Duration commitToDelivery) {
        this.commitToDelivery.get(organizationId, eventType)
                .record(commitToDelivery.isNegative() ? Duration.ZERO : commitToDelivery);
    }
}
