package za.voelgoed.platform.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import za.voelgoed.platform.outbox.Dispatched;
import za.voelgoed.platform.outbox.EventPublisher;
import za.voelgoed.platform.outbox.OutboxTelemetry;
import za.voelgoed.shared.event.EventTypeRegistry;

/** The outbox's way out to PubSub: routes each dispatched event to its topics and publishes the batch. */
public final class PubSubPublisher implements EventPublisher {

    private final PubSub pubsub;
    private final TopicRouter router;
    private final EventTypeRegistry types;
    private final OutboxTelemetry telemetry;

    public PubSubPublisher(PubSub pubsub, TopicRouter router, EventTypeRegistry types, OutboxTelemetry telemetry) {
        this.pubsub = pubsub;
        this.router = router;
        this.types = types;
        this.telemetry = telemetry;
    }

    @Override
    public void publish(List<Dispatched> events) {
        List<Routed> batch = new ArrayList<>(events.size());
        events.forEach(d -> batch.add(router.routed(d)));
        pubsub.publish(batch);
        Instant now = Instant.now();
        events.forEach(d -> telemetry.published(d.event(), types.require(d.event().eventType()).domain(),
                Duration.between(d.event().timestamp(), now)));
    }
}
