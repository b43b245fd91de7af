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
import za.voelgoed.platform.gateway.GatewayTelemetry;

/** Micrometer adapter of the gateway tracker; every meter is tagged {@code organization_id} ("none" for the admin). */
public final class MicrometerGatewayTelemetry implements GatewayTelemetry {

    private static final Duration[] BUCKETS = java.util.stream.LongStream
            .of(1, 2, 3, 5, 8, 10, 15, 20, 25, 35, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    /** The hot paths run per frame, and a registry lookup costs more. */
    private final OrgMeters<Counter> framesSent;
    private final OrgMeters<Timer> commitToPush;
    private final Map<String, AtomicLong> connections = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> subscriptions = new ConcurrentHashMap<>();

    public MicrometerGatewayTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.framesSent = new OrgMeters<>((org, type) -> Counter.builder("voelgoed.ws.frames_sent")
                .description("Frames written to WebSockets").tags("organization_id", tag(org), "type", type)
                .register(registry));
        this.commitToPush = new OrgMeters<>((org, eventType) -> Timer.builder("voelgoed.ws.commit_to_push")
                .description("From the domain event's commit to its frame written to a WebSocket")
                .tags("organization_id", tag(org), "event_type", eventType)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
    }

    @Override
    public void connected(UUID org, int delta) {
        gauge(connections, "voelgoed.ws.connections", "Open WebSocket connections", org).addAndGet(delta);
    }

    @Override
    public void subscribed(UUID org, int delta) {
        gauge(subscriptions, "voelgoed.ws.subscriptions", "Topic subscriptions of open connections", org)
                .addAndGet(delta);
    }

    @Override
    public void subscriptionDenied(UUID org) {
        Counter.builder("voelgoed.ws.subscriptions_denied").description("Subscriptions refused by topic access")
                .tag("organization_id", tag(org)).register(registry).increment();
    }

    @Override
    public void authFailed() {
        Counter.builder("voelgoed.ws.auth_failures").description("WebSocket authentications refused")
                .register(registry).increment();
    }

    @Override
    public void frameSent(UUID org, String type) {
        framesSent.get(org, type).increment();
    }

    @Override
    public void dropped(UUID org, String reason) {
        Counter.builder("voelgoed.ws.dropped").description("Connections cut off or messages lost, by reason")
                .tags("organization_id", tag(org), "reason", reason).register(registry).increment();
    }

    @Override
    public void pushed(UUID org, String eventType, Duration commitToPush) {
        this.commitToPush.get(org, eventType).record(commitToPush.isNegative() ? Duration.ZERO : commitToPush);
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String description, UUID org) {
        return gauges.computeIfAbsent(tag(org), t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("organization_id", t)
                    .register(registry);
            return value;
        });
    }

    private static String tag(UUID org) {
        return org == null ? "none" : org.toString();
    }
}
