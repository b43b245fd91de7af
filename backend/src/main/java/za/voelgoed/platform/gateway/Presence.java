package za.voelgoed.platform.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.pubsub.Routed;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

/**
 * Which scanners and consoles are connected, per organisation, across all nodes. Each node keeps its
 * connections' heartbeat in a Redis ZSET ({@code presence:{org:<id>}:seen}) and details in a HASH
 * ({@code presence:{org:<id>}:info}); an entry not refreshed for three heartbeats belongs to a node that
 * died and is pruned by whichever node sees it first. Joins and leaves are published as
 * {@code presence.changed.v1} system events on {@code audit:org:{org_id}}, checked against the type's schema
 * like every outbox event is: clients read them with the same contract.
 */
final class Presence {

    private static final System.Logger LOG = System.getLogger(Presence.class.getName());
    static final String EVENT = EventTypes.PRESENCE_CHANGED_V1;

    private final Redis redis;
    private final PubSub pubsub;
    private final long expiryMs;
    private final EventSchema schema;

    Presence(Redis redis, PubSub pubsub, long heartbeatMs, EventSchema schema) {
        this.redis = redis;
        this.pubsub = pubsub;
        this.expiryMs = heartbeatMs * 3;
        this.schema = schema;
    }

    void joined(PresenceEntry entry) {
        try {
            String tag = tag(entry.organizationId());
            redis.client().hset(redis.key(tag + ":info"), entry.connectionId().toString(), Json.write(entry));
            redis.client().zadd(redis.key(tag + ":seen"), System.currentTimeMillis(), entry.connectionId().toString());
            redis.client().sadd(redis.key("presence:orgs"), entry.organizationId().toString());
            publish(entry, "joined", 1);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "presence_unavailable error=\"" + e.getMessage() + "\"");
        }
    }

    void left(PresenceEntry entry, String reason) {
        try {
            if (remove(entry.organizationId(), entry.connectionId())) {
                publish(entry, reason, 2);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "presence_unavailable error=\"" + e.getMessage() + "\"");
        }
    }

    /** Marks this node's connections as alive, one ZADD per organisation; called every heartbeat. */
    void refresh(Collection<PresenceEntry> alive) {
        double now = System.currentTimeMillis();
        Map<UUID, Map<String, Double>> byOrg = new HashMap<>();
        for (PresenceEntry entry : alive) {
            byOrg.computeIfAbsent(entry.organizationId(), o -> new HashMap<>())
                    .put(entry.connectionId().toString(), now);
        }
        byOrg.forEach((org, members) -> redis.client().zadd(redis.key(tag(org) + ":seen"), members));
    }

    /** Removes entries whose node stopped refreshing them, and announces them as left. */
    void pruneExpired() {
        long cutoff = System.currentTimeMillis() - expiryMs;
        for (String org : redis.client().smembers(redis.key("presence:orgs"))) {
            UUID orgId = UUID.fromString(org);
            String tag = tag(orgId);
            for (String id : redis.client().zrangeByScore(redis.key(tag + ":seen"), 0, cutoff)) {
                String info = redis.client().hget(redis.key(tag + ":info"), id);
                if (remove(orgId, UUID.fromString(id)) && info != null) {
                    publish(Json.read(info, PresenceEntry.class), "expired", 2);
                }
            }
        }
    }

    List<PresenceEntry> list(UUID org) {
        String tag = tag(org);
        List<String> ids = redis.client().zrangeByScore(redis.key(tag + ":seen"),
                System.currentTimeMillis() - expiryMs, Double.POSITIVE_INFINITY);
        List<PresenceEntry> entries = new ArrayList<>();
        if (!ids.isEmpty()) {
            List<String> infos = redis.client().hmget(redis.key(tag + ":info"), ids.toArray(String[]::new));
            infos.stream().filter(java.util.Objects::nonNull).forEach(i -> entries.add(Json.read(i, PresenceEntry.class)));
        }
        return entries;
    }

    private boolean remove(UUID org, UUID connection) {
        String tag = tag(org);
        boolean removed = redis.client().zrem(redis.key(tag + ":seen"), connection.toString()) == 1;
        redis.client().hdel(redis.key(tag + ":info"), connection.toString());
        return removed;
    }

    /** The data of a {@code presence.changed.v1}: the connection's entry and what became of it. */
    static ObjectNode data(PresenceEntry entry, String state) {
        ObjectNode data = Json.object().put("state", state);
        data.setAll((ObjectNode) Json.toTree(entry));
        return data;
    }

    private void publish(PresenceEntry entry, String state, long seq) {
        ObjectNode data = data(entry, state);
        schema.requireValid(data);
        EventMessage message = new EventMessage(EVENT, entry.organizationId(), null, UUID.randomUUID(), seq,
                "connection", entry.connectionId(), data, Instant.now());
        pubsub.publish(List.of(new Routed(Set.of(Topic.of(TopicFamily.AUDIT_ORG, entry.organizationId())), message)));
    }

    private static String tag(UUID org) {
        return "presence:{org:" + org + "}";
    }
}
