package za.voelgoed.platform.gateway;

import io.helidon.webserver.websocket.WsRouting;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import za.voelgoed.platform.auth.Authenticator;
import za.voelgoed.platform.auth.TopicAccess;
import za.voelgoed.platform.auth.TopicOwnership;
import za.voelgoed.platform.config.AppConfig.GatewaySettings;
import za.voelgoed.platform.outbox.TopicReplay;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.ratelimit.RateLimiter;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.platform.pubsub.TopicRouter;
import za.voelgoed.platform.outbox.Dispatched;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.event.EventTypes;

/**
 * The node's WebSocket gateway: creates one {@link Connection} per socket, and runs the sweeper that
 * sends heartbeats, closes idle, unauthenticated and revoked sockets, and cuts off sockets whose writes
 * stall. The sweeper never writes to a socket nor waits for a lock a writer holds, so one client that
 * stops reading cannot stop housekeeping for everyone else.
 */
public final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

    final PubSub pubsub;
    final Authenticator authenticator;
    final TopicAccess access;
    final TopicOwnership ownership;
    final TopicReplay replay;
    final GatewaySettings settings;
    final GatewayTelemetry telemetry;
    final Limits limits;
    final SocketQuota socketQuota;
    final Presence presence;
    private final Function<Set<UUID>, Set<UUID>> deadTokens;
    final EncodedFrames encodedFrames = new EncodedFrames();
    final String nodeId;
    final Function<Dispatched, EventMessage> messageOf;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread sweeper;

    /**
     * What a client may use: frames per second per token (a resume costs {@code resumeFrameCost} of them),
     * failed authentications per address, and sockets per token and per organisation (0: no limit).
     */
    public record Limits(RateLimiter frames, RateLimiter unauthenticated, int resumeFrameCost, int socketsPerToken,
                         int socketsPerOrg) {
    }

    public Gateway(PubSub pubsub, Authenticator authenticator, TopicOwnership ownership, TopicRouter router,
                   TopicReplay replay, GatewaySettings settings, GatewayTelemetry telemetry, Limits limits,
                   Redis redis, String nodeId, Function<Set<UUID>, Set<UUID>> deadTokens) {
        this.deadTokens = deadTokens;
        this.presence = new Presence(redis, pubsub, settings.heartbeatMs(),
                router.types().require(EventTypes.PRESENCE_CHANGED_V1));
        this.nodeId = nodeId;
        this.limits = limits;
        this.socketQuota = new SocketQuota(redis, limits.socketsPerToken(), limits.socketsPerOrg(),
                settings.heartbeatMs());
        this.messageOf = dispatched -> router.routed(dispatched).message();
        this.pubsub = pubsub;
        this.authenticator = authenticator;
        this.access = new TopicAccess(ownership);
        this.ownership = ownership;
        this.replay = replay;
        this.settings = settings;
        this.telemetry = telemetry;
    }

    public WsRouting.Builder routing() {
        return WsRouting.builder().endpoint("/ws", () -> new Connection(this));
    }

    public Gateway start() {
        sweeper = Thread.ofVirtual().name("gateway-sweeper").start(this::sweep);
        pubsub.onLossNotReadBack(this::resync);
        return this;
    }

    /**
     * This node lost events of the organisation it could not read back: its sockets that may follow the
     * organisation's topics are cut off (4408) before anything later reaches them, and resume from their
     * offsets, which the outbox replays exactly.
     */
    void resync(UUID org) {
        connections.stream().filter(c -> c.mayFollow(org)).forEach(c -> {
            telemetry.dropped(org, "resync");
            c.close(CloseCodes.RESYNC, "events were lost on this node: resume from your offset");
        });
    }

    void register(Connection c) {
        connections.add(c);
    }

    void unregister(Connection c) {
        connections.remove(c);
    }

    public int connectionCount() {
        return connections.size();
    }

    /** The organisation's open connections on every node. */
    public List<PresenceEntry> presence(UUID org) {
        return presence.list(org);
    }

    private void sweep() {
        long lastPresence = 0;
        try {
            while (!stopping.await(1, TimeUnit.SECONDS)) {
                long now = System.currentTimeMillis();
                long nowNanos = System.nanoTime();
                connections.forEach(c -> c.tick(now, nowNanos));
                if (now - lastPresence >= settings.heartbeatMs()) {
                    lastPresence = now;
                    refreshPresence();
                }
                closeRevoked();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes connections whose token was revoked or expired since they authenticated (checked every second). */
    private void closeRevoked() {
        try {
            Set<UUID> tokens = new java.util.HashSet<>();
            connections.forEach(c -> c.tokenId().ifPresent(tokens::add));
            Set<UUID> dead = deadTokens.apply(tokens);
            if (!dead.isEmpty()) {
                connections.stream().filter(c -> c.tokenId().filter(dead::contains).isPresent())
                        .forEach(c -> c.close(CloseCodes.UNAUTHORIZED, "token revoked or expired"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gateway_revocation_check_failed error=\"" + e.getMessage() + "\"");
        }
    }

    private void refreshPresence() {
        try {
            presence.refresh(connections.stream().map(Connection::presenceEntry).filter(Objects::nonNull).toList());
            socketQuota.refresh(connections.stream().map(Connection::quotaPlace).filter(Objects::nonNull).toList());
            presence.pruneExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "presence_refresh_failed error=\"" + e.getMessage() + "\"");
        }
    }

    /** Stops the sweeper and closes every socket, waiting up to two seconds for the close frames to go out. */
    @Override
    public void close() {
        stopping.countDown();
        List<Thread> closing = new java.util.ArrayList<>();
        connections.forEach(c -> {
            Thread t = c.closeLater(1001, "server shutting down");
            if (t != null) {
                closing.add(t);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : closing) {
            try {
                t.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
