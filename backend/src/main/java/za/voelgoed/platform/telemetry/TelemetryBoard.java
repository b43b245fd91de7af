package za.voelgoed.platform.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.json.Json;

/**
 * Where the nodes meet for telemetry, in Redis. Keys (under the deployment prefix; one hash tag per
 * organisation, so each organisation's keys sit on one Cluster slot):
 * <ul>
 *   <li>{@code telemetry:{org:<id>}:nodes} HASH node → {@link NodeFigures} JSON, rewritten by each node every
 *       second, expiring 10 s after the last write; a field older than {@link #FRESH_MS} is a stopped node's
 *       and is ignored (and deleted);</li>
 *   <li>{@code telemetry:{org:<id>}:drift} HASH show → differences of the drift checker's last look, kept a day
 *       after the last check;</li>
 *   <li>{@code telemetry:{org:<id>}:lease} the right to publish the organisation's snapshot this second
 *       ({@code SET NX PX 1000});</li>
 *   <li>{@code telemetry:nodes} ZSET node → last report (ms): the live nodes.</li>
 * </ul>
 */
final class TelemetryBoard {

    static final long FRESH_MS = 3_000;
    private static final long FIGURES_TTL_MS = 10_000;
    private static final long DRIFT_TTL_MS = 86_400_000;

    private final Redis redis;

    TelemetryBoard(Redis redis) {
        this.redis = redis;
    }

    /** One round trip: this node's figures of every organisation it has any for, and that it is alive. */
    void report(String node, Map<UUID, NodeFigures> figures, long nowMs) {
        try (var pipe = redis.client().pipelined()) {
            pipe.zadd(redis.key("telemetry:nodes"), nowMs, node);
            pipe.zremrangeByScore(redis.key("telemetry:nodes"), 0, nowMs - 60_000);
            figures.forEach((org, f) -> {
                String key = figuresKey(org);
                pipe.hset(key, node, Json.write(f));
                pipe.pexpire(key, FIGURES_TTL_MS);
            });
            pipe.sync();
        }
    }

    /** The fresh figures of every node for the organisation. */
    List<NodeFigures> figures(UUID org, long nowMs) {
        List<NodeFigures> fresh = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        redis.client().hgetAll(figuresKey(org)).forEach((node, json) -> {
            NodeFigures f = Json.read(json, NodeFigures.class);
            if (f.atMs() >= nowMs - FRESH_MS) {
                fresh.add(f);
            } else {
                stale.add(node);
            }
        });
        if (!stale.isEmpty()) {
            redis.client().hdel(figuresKey(org), stale.toArray(String[]::new));
        }
        return fresh;
    }

    /** Nodes that reported in the last {@link #FRESH_MS}. */
    int nodes(long nowMs) {
        return (int) redis.client().zcount(redis.key("telemetry:nodes"), nowMs - FRESH_MS, Double.POSITIVE_INFINITY);
    }

    /** True for the one caller per organisation per {@code ms} that may publish its snapshot. */
    boolean lease(UUID org, String node, long ms) {
        return "OK".equals(redis.client().set(key(org, "lease"), node, SetParams.setParams().nx().px(ms)));
    }

    void drift(UUID org, UUID show, long differences) {
        try (var pipe = redis.client().pipelined()) {
            pipe.hset(key(org, "drift"), show.toString(), Long.toString(differences));
            pipe.pexpire(key(org, "drift"), DRIFT_TTL_MS);
            pipe.sync();
        }
    }

    /** The differences of the last check of each of the organisation's shows, summed. */
    long drift(UUID org) {
        return redis.client().hvals(key(org, "drift")).stream().mapToLong(Long::parseLong).sum();
    }

    private String figuresKey(UUID org) {
        return key(org, "nodes");
    }

    private String key(UUID org, String name) {
        return redis.key("telemetry:{org:" + org + "}:" + name);
    }
}
