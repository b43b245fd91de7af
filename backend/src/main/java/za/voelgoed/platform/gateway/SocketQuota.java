package za.voelgoed.platform.gateway;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import za.voelgoed.platform.redis.LuaScript;
import za.voelgoed.platform.redis.Redis;

/**
 * How many sockets a token, and an organisation, may hold open across every node. Each node records its
 * sockets in Redis ({@code sockets:{org:<id>}} and {@code sockets:{org:<id>}:token:<id>}, sorted by last
 * heartbeat) and refreshes them every heartbeat; a node that died stops refreshing, and its places free
 * themselves after three heartbeats. Without Redis the same limits hold per node.
 */
final class SocketQuota {

    private static final System.Logger LOG = System.getLogger(SocketQuota.class.getName());
    private static final LuaScript TAKE = LuaScript.load("socket_quota");

    /** The outcome of asking for a place. */
    enum Verdict { ADMITTED, TOKEN_FULL, ORG_FULL }

    /** One open socket as the quota sees it. */
    record Holder(UUID organizationId, UUID tokenId, UUID connectionId) {
    }

    private final Redis redis;
    private final int perToken;
    private final int perOrg;
    private final long expiryMs;
    private final Map<UUID, AtomicInteger> localByToken = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> localByOrg = new ConcurrentHashMap<>();

    SocketQuota(Redis redis, int perToken, int perOrg, long heartbeatMs) {
        this.redis = redis;
        this.perToken = perToken;
        this.perOrg = perOrg;
        this.expiryMs = heartbeatMs * 3;
    }

    Verdict take(Holder h) {
        if (perToken <= 0 && perOrg <= 0) {
            return Verdict.ADMITTED;
        }
        long now = System.currentTimeMillis();
        try {
            long answer = (Long) TAKE.run(redis.client(), List.of(orgKey(h), tokenKey(h)), List.of(Long.toString(now),
                    Long.toString(now - expiryMs), h.connectionId().toString(), Integer.toString(perToken),
                    Integer.toString(perOrg), Long.toString(expiryMs * 2)));
            if (answer != 0) {
                return answer == 1 ? Verdict.TOKEN_FULL : Verdict.ORG_FULL;
            }
            countLocally(h);
            return Verdict.ADMITTED;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "socket_quota_redis_unavailable falling_back=per_node error=\"" + e.getMessage() + "\"");
            return takeLocally(h);
        }
    }

    void release(Holder h) {
        localByToken.computeIfPresent(h.tokenId(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        localByOrg.computeIfPresent(h.organizationId(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        try {
            redis.client().zrem(orgKey(h), h.connectionId().toString());
            redis.client().zrem(tokenKey(h), h.connectionId().toString());
        } catch (RuntimeException e) {
            // the place frees itself once this node stops refreshing it
        }
    }

    /** Marks this node's sockets alive; called every heartbeat. */
    void refresh(Collection<Holder> holders) {
        double now = System.currentTimeMillis();
        for (Holder h : holders) {
            redis.client().zadd(orgKey(h), now, h.connectionId().toString());
            redis.client().zadd(tokenKey(h), now, h.connectionId().toString());
        }
    }

    /** This node's own count decides while Redis is away; it is kept on every admission for that. */
    private synchronized Verdict takeLocally(Holder h) {
        if (perToken > 0 && count(localByToken, h.tokenId()) >= perToken) {
            return Verdict.TOKEN_FULL;
        }
        if (perOrg > 0 && count(localByOrg, h.organizationId()) >= perOrg) {
            return Verdict.ORG_FULL;
        }
        countLocally(h);
        return Verdict.ADMITTED;
    }

    private void countLocally(Holder h) {
        localByToken.computeIfAbsent(h.tokenId(), k -> new AtomicInteger()).incrementAndGet();
        localByOrg.computeIfAbsent(h.organizationId(), k -> new AtomicInteger()).incrementAndGet();
    }

    private static int count(Map<UUID, AtomicInteger> counts, UUID key) {
        AtomicInteger n = counts.get(key);
        return n == null ? 0 : n.get();
    }

    private String orgKey(Holder h) {
        return redis.key("sockets:{org:" + h.organizationId() + "}");
    }

    private String tokenKey(Holder h) {
        return redis.key("sockets:{org:" + h.organizationId() + "}:token:" + h.tokenId());
    }
}
