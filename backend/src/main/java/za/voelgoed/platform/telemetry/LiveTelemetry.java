package za.voelgoed.platform.telemetry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import za.voelgoed.shared.event.EventTypeName;

/**
 * This node's part of each organisation's telemetry, kept in memory for the last seconds: what the outbox
 * committed, what the gateway pushed (commit to socket) and dropped, and the sockets open. The
 * {@link TelemetryBoard} copies it to Redis every second, where every node's parts are summed.
 */
public final class LiveTelemetry {

    /** Forgotten after this long with nothing counted, no socket open and no drop since the node started. */
    private static final long IDLE_SECONDS = 60;

    private final LongSupplier millis;
    private final String node;
    private final Map<UUID, Org> orgs = new ConcurrentHashMap<>();
    private final Map<String, String> baseTypes = new ConcurrentHashMap<>();

    /** One organisation's counters on this node. */
    private static final class Org {
        final Map<String, SecondWindow> emitted = new ConcurrentHashMap<>();
        final SecondWindow pushes = new SecondWindow(LatencyBuckets.COUNT);
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong connections = new AtomicLong();
        volatile long lastActive;
    }

    public LiveTelemetry(String node, LongSupplier millis) {
        this.node = node;
        this.millis = millis;
    }

    /** A domain event of the organisation committed (counted by its base type, {@code ticket.sold}). */
    public void emitted(UUID org, String eventType) {
        long now = millis.getAsLong();
        String base = baseTypes.computeIfAbsent(eventType, LiveTelemetry::baseType);
        org(org, now).emitted.computeIfAbsent(base, b -> new SecondWindow(1)).add(now / 1000, 0, 1);
    }

    /** A message reached a socket this long after its commit. */
    public void pushed(UUID org, Duration commitToPush) {
        long now = millis.getAsLong();
        double ms = Math.max(0, commitToPush.toNanos() / 1e6);
        org(org, now).pushes.add(now / 1000, LatencyBuckets.of(ms), 1);
    }

    public void dropped(UUID org) {
        org(org, millis.getAsLong()).dropped.incrementAndGet();
    }

    public void connected(UUID org, int delta) {
        org(org, millis.getAsLong()).connections.addAndGet(delta);
    }

    private Org org(UUID org, long now) {
        Org o = orgs.get(org);
        if (o == null) {
            o = orgs.computeIfAbsent(org, k -> new Org());
        }
        // written once a second at most: every push of every socket passes here
        if (o.lastActive / 1000 != now / 1000) {
            o.lastActive = now;
        }
        return o;
    }

    /** This node's figures of every organisation it has any for; organisations idle for a minute are forgotten. */
    public Map<UUID, NodeFigures> figures() {
        long now = millis.getAsLong();
        Map<UUID, NodeFigures> out = new HashMap<>();
        orgs.forEach((id, o) -> {
            if (o.connections.get() == 0 && o.dropped.get() == 0 && now - o.lastActive > IDLE_SECONDS * 1000) {
                orgs.remove(id, o);
            } else {
                out.put(id, figures(o, now));
            }
        });
        return out;
    }

    /** This node's figures of one organisation, if it has any. */
    public Optional<NodeFigures> figures(UUID org) {
        Org o = orgs.get(org);
        return o == null ? Optional.empty() : Optional.of(figures(o, millis.getAsLong()));
    }

    private NodeFigures figures(Org o, long now) {
        long second = now / 1000;
        Map<String, Long> emitted = new HashMap<>();
        o.emitted.forEach((type, window) -> {
            long n = window.sum(second)[0];
            if (n > 0) {
                emitted.put(type, n);
            }
        });
        Map<Integer, Long> pushes = new HashMap<>();
        long[] buckets = o.pushes.sum(second);
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0) {
                pushes.put(i, buckets[i]);
            }
        }
        return new NodeFigures(node, now, emitted, pushes, o.dropped.get(), o.connections.get());
    }

    /** {@code ticket.sold} of {@code ticket.sold.v2}; a name without a version stays as it is. */
    static String baseType(String eventType) {
        try {
            return EventTypeName.parse(eventType).name();
        } catch (RuntimeException e) {
            return eventType;
        }
    }

    public String node() {
        return node;
    }
}
