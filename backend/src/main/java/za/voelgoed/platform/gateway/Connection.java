package za.voelgoed.platform.gateway;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.auth.Principal;
import za.voelgoed.platform.pubsub.MessageHandler;
import za.voelgoed.platform.pubsub.Routed;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.ClientFrame;
import za.voelgoed.shared.realtime.FrameException;
import za.voelgoed.shared.realtime.Frames;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.topic.Topic;

/**
 * One WebSocket connection. Authenticated on the upgrade ({@code Authorization: Bearer}) or by a first
 * {@code auth} frame within the deadline; then subscribes to topics the principal may see. Every frame
 * it sends goes through {@link Outbound}, which serialises writes and drops duplicates by per-resource
 * seq. Its PubSub subscription's bounded queue is the send queue: when it overflows the client is cut
 * off with {@link CloseCodes#RESYNC}, so a slow client never slows anyone else.
 */
final class Connection implements WsListener {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());
    private static final long CLOSE_GRACE_MS = 1_000;
    /** {@code /ws?batch=true}: several frames per WebSocket message, one per line. */
    static final String BATCH_PARAMETER = "batch";

    private final Gateway gateway;
    private final String id = UUID.randomUUID().toString();
    private final long openedAt = System.currentTimeMillis();
    private final StringBuilder partial = new StringBuilder();
    private volatile Principal principal;
    private volatile WsSession session;
    private volatile Outbound out;
    private volatile Subscriptions subscriptions;
    private volatile long lastSeen = openedAt;
    private volatile long lastPing = openedAt;
    private volatile boolean closed;
    private volatile PresenceEntry presenceEntry;
    private volatile Thread reader;
    private volatile boolean peerClosed;
    private boolean oversized;
    private boolean batched;
    private volatile String upgradeToken;
    private volatile String address;
    private volatile SocketQuota.Holder quotaPlace;

    Connection(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Takes the token of the upgrade request, if any; it is checked once the socket is open, where the
     * client's address is known: every failed authentication is counted against that address.
     */
    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        batched = "true".equals(prologue.query().first(BATCH_PARAMETER).orElse("false"));
        Optional<String> header = headers.first(HeaderNames.AUTHORIZATION);
        if (header.isPresent()) {
            upgradeToken = AccessFilter.bearerOf(header.get()).orElse("");
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        this.session = session;
        this.reader = Thread.currentThread();
        this.address = session.socketContext().remotePeer().host();
        this.out = new Outbound(session, gateway.telemetry, gateway.encodedFrames, batched);
        gateway.register(this);
        if (upgradeToken != null) {
            authenticate(upgradeToken);
        }
    }

    /** Authenticates with a token from the upgrade or an auth frame; refuses and closes on failure. */
    private void authenticate(String token) {
        if (!gateway.authenticator.recognises(token) && !gateway.limits.unauthenticated().check(address).allowed()) {
            error(null, "rate_limited", "too many failed authentications from this address; retry later");
            close(CloseCodes.RATE_LIMITED, "too many failed authentications");
            return;
        }
        Optional<Principal> who = token.isEmpty() ? Optional.empty() : gateway.authenticator.authenticate(token);
        if (who.isEmpty()) {
            gateway.telemetry.authFailed();
            gateway.limits.unauthenticated().tryAcquire(address);
            error(null, "unauthorized", "unknown, expired or revoked token");
            close(CloseCodes.UNAUTHORIZED, "unauthorized");
            return;
        }
        principal = who.get();
        if (takeSocketPlace()) {
            admitted();
        }
    }

    /** A place under the token's and the organisation's socket limits (the admin needs none). */
    private boolean takeSocketPlace() {
        if (principal.admin()) {
            return true;
        }
        SocketQuota.Holder place = new SocketQuota.Holder(principal.organizationId(), principal.tokenId(),
                UUID.fromString(id));
        SocketQuota.Verdict verdict = gateway.socketQuota.take(place);
        if (verdict == SocketQuota.Verdict.ADMITTED) {
            quotaPlace = place;
            return true;
        }
        String whose = verdict == SocketQuota.Verdict.TOKEN_FULL ? "this token" : "this organisation";
        gateway.telemetry.dropped(principal.organizationId(), "socket_limit");
        error(null, "too_many_connections", whose + " has as many sockets open as it may; close one first");
        close(CloseCodes.RATE_LIMITED, "too many connections");
        return false;
    }

    /** Whether this connection may follow topics of the organisation (its own, or any for the admin). */
    boolean mayFollow(UUID org) {
        Principal p = principal;
        return p != null && (p.admin() || org.equals(p.organizationId()));
    }

    /** This connection's place under the socket limits; null before authentication and for the admin. */
    SocketQuota.Holder quotaPlace() {
        return closed ? null : quotaPlace;
    }

    private void admitted() {
        Subscription pubsubSubscription = gateway.pubsub.subscribe(gateway.settings.sendQueue(), new MessageHandler() {
            @Override
            public void onMessage(Topic topic, EventMessage message) {
                deliver(List.of(new Routed.Match(topic, message)));
            }

            @Override
            public void onMessages(List<Routed.Match> matches) {
                deliver(matches);
            }
        }).onOverflow(this::cutOffSlowClient);
        subscriptions = new Subscriptions(gateway, principal, pubsubSubscription, out);
        gateway.telemetry.connected(principal.organizationId(), 1);
        out.send(principal.organizationId(), new ServerFrame.Welcome(id, gateway.settings.heartbeatMs(),
                gateway.replay.epoch()));
        if (!principal.admin()) {
            presenceEntry = new PresenceEntry(UUID.fromString(id), principal.organizationId(),
                    principal.isDevice() ? "device" : "console", principal.role().wire(), principal.tokenId(),
                    principal.deviceId(), principal.userId(), gateway.nodeId, Instant.now());
            gateway.presence.joined(presenceEntry);
        }
    }

    /** The token this connection authenticated with, once it has (never for the bootstrap admin). */
    Optional<UUID> tokenId() {
        Principal p = principal;
        return p == null || closed ? Optional.empty() : Optional.ofNullable(p.tokenId());
    }

    /** This connection as presence sees it; null before authentication and for the system admin. */
    PresenceEntry presenceEntry() {
        return closed ? null : presenceEntry;
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        lastSeen = System.currentTimeMillis();
        if (!oversized && partial.length() + text.length() <= gateway.settings.maxFrameBytes()) {
            partial.append(text);
        } else if (!oversized) {
            oversized = true;
            partial.setLength(0);
        }
        if (!last) {
            return;
        }
        if (oversized) {
            oversized = false;
            error(null, "frame_too_large", "frames are limited to " + gateway.settings.maxFrameBytes() + " bytes");
            return;
        }
        String frame = partial.toString();
        partial.setLength(0);
        handle(frame);
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        lastSeen = System.currentTimeMillis();
        if (last) {
            error(null, "bad_frame", "binary frames are not supported; send JSON text frames");
        }
    }

    @Override
    public void onPong(WsSession session, BufferData buffer) {
        lastSeen = System.currentTimeMillis();
    }

    private void handle(String text) {
        if (closed) {
            return;
        }
        try {
            ClientFrame frame = Frames.decodeClient(text);
            if (principal == null) {
                authenticate(frame);
                return;
            }
            var verdict = gateway.limits.frames().tryAcquire(AccessFilter.subject(principal), costOf(frame));
            if (!verdict.allowed()) {
                error(refOf(frame), "rate_limited", "too many frames; retry after " + verdict.retryAfterMs() + " ms");
                return;
            }
            switch (frame) {
                case ClientFrame.Auth a -> error(null, "already_authenticated", "this connection is authenticated");
                case ClientFrame.Subscribe s -> subscriptions.subscribe(s);
                case ClientFrame.Unsubscribe u -> subscriptions.unsubscribe(u);
                case ClientFrame.Ping p -> out.send(org(), new ServerFrame.Pong(p.ref()));
            }
        } catch (FrameException e) {
            error(e.ref(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ws_frame_failed connection=" + id + " error=\"" + e + "\"");
            error(null, "internal_error", "the frame could not be handled; nothing changed");
        }
    }

    /** A resume reads the outbox, so it is paid for with more of the token's frame budget than a ping. */
    private int costOf(ClientFrame frame) {
        return frame instanceof ClientFrame.Subscribe s && s.resume() != null
                ? Math.max(1, gateway.limits.resumeFrameCost()) : 1;
    }

    private static String refOf(ClientFrame frame) {
        return switch (frame) {
            case ClientFrame.Subscribe s -> s.ref();
            case ClientFrame.Unsubscribe u -> u.ref();
            case ClientFrame.Ping p -> p.ref();
            case ClientFrame.Auth a -> null;
        };
    }

    private void authenticate(ClientFrame frame) {
        if (!(frame instanceof ClientFrame.Auth auth)) {
            error(null, "unauthenticated", "send an auth frame first");
            close(CloseCodes.UNAUTHORIZED, "unauthenticated");
            return;
        }
        authenticate(auth.token());
    }

    private void deliver(List<Routed.Match> matches) {
        if (closed) {
            return;
        }
        List<EventMessage> sent = out.sendEvents(ownOrganisationOnly(matches), subscriptions);
        Instant now = Instant.now();
        sent.forEach(m -> gateway.telemetry.pushed(m.orgId(), m.event(), Duration.between(m.timestamp(), now)));
    }

    /**
     * The events this principal may see: those of its own organisation (the admin sees all). Topic access
     * already keeps other tenants' topics away; this holds even if a topic were ever routed wrongly.
     */
    private List<Routed.Match> ownOrganisationOnly(List<Routed.Match> matches) {
        Principal p = principal;
        if (p == null || p.admin()) {
            return p == null ? List.of() : matches;
        }
        List<Routed.Match> own = new java.util.ArrayList<>(matches.size());
        for (Routed.Match m : matches) {
            if (p.organizationId().equals(m.message().orgId())) {
                own.add(m);
            } else {
                gateway.telemetry.dropped(p.organizationId(), "foreign_organisation");
                LOG.log(Level.WARNING, "ws_foreign_event_withheld connection=" + id + " topic=" + m.topic()
                        + " message=" + m.message().id());
            }
        }
        return own;
    }

    /**
     * Runs on the publisher's thread when the send queue overflows. Closing the subscriptions interrupts
     * the writer blocked on this socket (which closes it); the close frame then goes out if it still can.
     */
    private void cutOffSlowClient() {
        gateway.telemetry.dropped(org(), "slow_consumer");
        LOG.log(Level.INFO, "ws_slow_consumer_cut_off connection=" + id + " principal=" + principal.describe());
        Thread.ofVirtual().start(() -> close(CloseCodes.RESYNC, "too slow: messages were dropped, resync"));
    }

    /**
     * Heartbeat, idle, authentication and write deadlines; called by the gateway's sweeper, which must never
     * wait on a socket: everything here either reads a clock or starts a thread.
     */
    void tick(long now, long nowNanos) {
        var settings = gateway.settings;
        if (out != null && out.stalledMillis(nowNanos) > settings.writeTimeoutMs()) {
            cutOffStalledWriter();
        } else if (principal == null && now - openedAt > settings.authDeadlineMs()) {
            close(CloseCodes.UNAUTHORIZED, "authentication deadline passed");
        } else if (now - lastSeen > settings.idleTimeoutMs()) {
            close(CloseCodes.IDLE, "idle");
        } else if (now - lastPing >= settings.heartbeatMs() && session != null) {
            lastPing = now;
            out.pingInBackground();
        }
    }

    /** A write blocked longer than the bound: the client stopped reading. Cut it off, on no one's time. */
    private void cutOffStalledWriter() {
        gateway.telemetry.dropped(org(), "write_timeout");
        LOG.log(Level.INFO, "ws_stalled_writer_cut_off connection=" + id + " timeout_ms="
                + gateway.settings.writeTimeoutMs());
        out.abortWrite();
        close(CloseCodes.RESYNC, "too slow: a write stalled, resync");
    }

    private void error(String ref, String code, String message) {
        out.send(org(), new ServerFrame.Error(ref, code, message));
    }

    private UUID org() {
        Principal p = principal;
        return p == null ? null : p.organizationId();
    }

    /** Closes without waiting on the socket: the close frame goes out on a thread of its own. */
    void close(int code, String reason) {
        closeLater(code, reason);
    }

    /** As {@link #close}, returning the thread that sends the close frame (shutdown waits for them). */
    Thread closeLater(int code, String reason) {
        if (closed) {
            return null;
        }
        closed = true;
        cleanUp();
        return Thread.ofVirtual().name("ws-close").start(() -> {
            if (out != null) {
                out.close(code, reason);
            }
            dropIfPeerSilent();
        });
    }

    /**
     * A peer that does not answer our close frame within a second (a dead or stalled client) would keep
     * the socket open for ever; interrupting the connection's reader closes it.
     */
    private void dropIfPeerSilent() {
        try {
            Thread.sleep(CLOSE_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Thread r = reader;
        if (!peerClosed && r != null) {
            r.interrupt();
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        peerClosed = true;
        closed = true;
        cleanUp();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        peerClosed = true;
        closed = true;
        cleanUp();
    }

    private synchronized void cleanUp() {
        if (quotaPlace != null) {
            gateway.socketQuota.release(quotaPlace);
            quotaPlace = null;
        }
        if (presenceEntry != null) {
            gateway.presence.left(presenceEntry, "left");
            presenceEntry = null;
        }
        if (subscriptions != null) {
            subscriptions.closeAll();
            gateway.telemetry.connected(org(), -1);
            subscriptions = null;
        }
        gateway.unregister(this);
    }
}
