package za.voelgoed.platform.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import za.voelgoed.platform.gateway.GatewayTelemetry;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.event.EventTypes;

/**
 * Each organisation's telemetry across the nodes ({@code GET /api/orgs/{org}/telemetry} and the
 * {@code telemetry.snapshot.v1} feed on {@code analytics:org:{org_id}}): this node's live counters
 * ({@link LiveTelemetry}) summed in Redis with every other node's ({@link TelemetryBoard}), plus the job
 * counters and paused queues from PostgreSQL and the drift checker's last results. Nothing here scans a large
 * table: every figure is a counter, a small hash or a bounded window.
 */
public final class OrgTelemetry implements AutoCloseable {

    private final LiveTelemetry live;
    private final TelemetryBoard board;
    private final Function<UUID, Jobs.Backlog> backlog;
    private final LongSupplier millis;
    private final TelemetryFeed feed;

    public OrgTelemetry(String node, Redis redis, PubSub pubsub, EventTypeRegistry types,
                        Function<UUID, Jobs.Backlog> backlog) {
        this.millis = System::currentTimeMillis;
        this.live = new LiveTelemetry(node, millis);
        this.board = new TelemetryBoard(redis);
        this.backlog = backlog;
        this.feed = new TelemetryFeed(live, board, this::snapshot, pubsub,
                types.require(EventTypes.TELEMETRY_SNAPSHOT_V1), millis);
    }

    /** The node's own counters: the outbox and the gateway report into them. */
    public LiveTelemetry live() {
        return live;
    }

    /** The gateway's tracker: {@code delegate} (Micrometer) plus this node's live counters. */
    public GatewayTelemetry gatewayTelemetry(GatewayTelemetry delegate) {
        return new LiveGatewayTelemetry(delegate, live);
    }

    /** Starts reporting this node's counters every second and publishing snapshots of followed organisations. */
    public OrgTelemetry start() {
        feed.start();
        return this;
    }

    /** The organisation's figures now; this node's own part is read from memory, the others' from Redis. */
    public OrgTelemetrySnapshot snapshot(UUID org) {
        long now = millis.getAsLong();
        List<NodeFigures> figures = new ArrayList<>(board.figures(org, now).stream()
                .filter(f -> !f.node().equals(live.node())).toList());
        live.figures(org).ifPresent(figures::add);
        Jobs.Backlog jobs = backlog.apply(org);
        return OrgTelemetrySnapshot.of(org, Instant.ofEpochMilli(now), board.nodes(now), figures,
                new OrgTelemetrySnapshot.Totals(jobs.waiting(), jobs.paused(), jobs.deadLetters(), board.drift(org)));
    }

    @Override
    public void close() {
        feed.close();
    }
}
