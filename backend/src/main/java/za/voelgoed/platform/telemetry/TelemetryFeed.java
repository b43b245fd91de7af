package za.voelgoed.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.pubsub.Routed;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

/**
 * The node's telemetry loop. Every second it writes its counters to the {@link TelemetryBoard}; every
 * {@link #TICK_MS} it looks at which {@code analytics:org:{org_id}} topics its own subscribers follow and, for
 * each whose lease it wins, publishes the organisation's snapshot as a {@code telemetry.snapshot.v1} system
 * event. So a snapshot goes out only while someone follows the topic (on some node), and at most once per
 * lease ({@link #PUBLISH_EVERY_MS}) per organisation whichever nodes compete. The snapshots go straight to
 * PubSub, never through the outbox: they are ephemeral, and a second's snapshot replaces the one before it.
 */
final class TelemetryFeed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TelemetryFeed.class.getName());
    static final long TICK_MS = 200;
    static final long REPORT_EVERY_MS = 1_000;
    static final long PUBLISH_EVERY_MS = 1_000;

    private final LiveTelemetry live;
    private final TelemetryBoard board;
    private final Function<UUID, OrgTelemetrySnapshot> snapshot;
    private final PubSub pubsub;
    private final EventSchema schema;
    private final LongSupplier millis;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread loop;
    private boolean failing;

    TelemetryFeed(LiveTelemetry live, TelemetryBoard board, Function<UUID, OrgTelemetrySnapshot> snapshot,
                  PubSub pubsub, EventSchema schema, LongSupplier millis) {
        this.live = live;
        this.board = board;
        this.snapshot = snapshot;
        this.pubsub = pubsub;
        this.schema = schema;
        this.millis = millis;
    }

    void start() {
        loop = Thread.ofVirtual().name("telemetry-feed").start(this::run);
    }

    private void run() {
        long lastReport = 0;
        try {
            while (!stopping.await(TICK_MS, TimeUnit.MILLISECONDS)) {
                long now = millis.getAsLong();
                try {
                    if (now - lastReport >= REPORT_EVERY_MS) {
                        lastReport = now;
                        board.report(live.node(), live.figures(), now);
                    }
                    publishFollowed();
                    recovered();
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishFollowed() {
        for (UUID org : pubsub.followed(TopicFamily.ANALYTICS_ORG)) {
            if (board.lease(org, live.node(), PUBLISH_EVERY_MS)) {
                pubsub.publish(List.of(routed(snapshot.apply(org))));
            }
        }
    }

    /**
     * The snapshot as a system event: the resource is the organisation's telemetry (resource id = the
     * organisation) and seq its second, so seqs rise from one snapshot to the next but skip (see
     * {@code TopicStream.offerState}); no offset, as it is no domain event.
     */
    Routed routed(OrgTelemetrySnapshot s) {
        JsonNode data = Json.toTree(s);
        schema.requireValid(data);
        EventMessage message = new EventMessage(EventTypes.TELEMETRY_SNAPSHOT_V1, s.organizationId(), null,
                UUID.randomUUID(), Math.max(1, s.takenAt().getEpochSecond()), "telemetry", s.organizationId(), data,
                s.takenAt());
        return new Routed(Set.of(Topic.of(TopicFamily.ANALYTICS_ORG, s.organizationId())), message);
    }

    private void failed(RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.log(Level.WARNING, "telemetry_feed_failing error=\"" + e.getMessage() + "\"; retrying every tick");
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.log(Level.INFO, "telemetry_feed_recovered");
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        if (loop != null) {
            try {
                loop.join(java.time.Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
