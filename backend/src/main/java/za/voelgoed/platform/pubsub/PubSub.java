package za.voelgoed.platform.pubsub;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

/**
 * System events (seed section 5): in-node topic subscriptions with bounded queues, and fan-out over one
 * Redis pub/sub channel that every node (the publishing one included) delivers from, in Redis's order.
 * Delivery is at-least-once within a node. Redis keeps nothing: what a node did not receive of the
 * dispatched domain events it reads back from the outbox ({@link Continuity}) before delivering anything
 * later, and a loss it cannot read back is reported ({@link #onLossNotReadBack}) so clients resync.
 */
public final class PubSub implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PubSub.class.getName());

    private final Map<Topic, Set<Subscription>> byTopic = new ConcurrentHashMap<>();
    private final Set<Subscription> firehose = ConcurrentHashMap.newKeySet();
    private final Redis redis;
    private final String nodeId;
    private final String channel;
    private final PubSubTelemetry telemetry;
    private final int defaultCapacity;
    private final RedisFanout fanout;
    private final LocalDelivery local;
    private volatile Consumer<UUID> lossNotReadBack = org -> { };

    public PubSub(Redis redis, String nodeId, PubSubTelemetry telemetry, int defaultCapacity) {
        this(redis, nodeId, telemetry, defaultCapacity, 0, Backfill.NONE);
    }

    /**
     * @param lingerMs how long local delivery waits after a batch arrives for more to join it: every
     *                 subscriber then gets the batches of that window as one queue entry (one socket write
     *                 on the gateway). 0 delivers each batch as it comes.
     */
    public PubSub(Redis redis, String nodeId, PubSubTelemetry telemetry, int defaultCapacity, long lingerMs,
                  Backfill backfill) {
        this.redis = redis;
        this.nodeId = nodeId;
        this.channel = redis.key("pubsub:system-events");
        this.telemetry = telemetry;
        this.defaultCapacity = defaultCapacity;
        Continuity continuity = new Continuity(backfill, telemetry, org -> lossNotReadBack.accept(org));
        this.local = new LocalDelivery(this::deliverLocal, lingerMs, continuity);
        this.fanout = new RedisFanout(redis, channel, nodeId, local::add, local::linkRestored);
    }

    /** Starts receiving other nodes' messages; returns once the Redis subscription is active. */
    public PubSub start() {
        local.starting();
        fanout.start();
        return this;
    }

    /**
     * Who to tell when this node lost an organisation's events and could not read them back (its sockets on
     * that organisation's topics must resync). Runs on the delivery thread: keep it quick.
     */
    public void onLossNotReadBack(Consumer<UUID> listener) {
        this.lossNotReadBack = listener;
    }

    /** A subscription with no topics yet; add topics with {@link Subscription#add}. */
    public Subscription subscribe(MessageHandler handler) {
        return subscribe(defaultCapacity, handler);
    }

    public Subscription subscribe(int capacity, MessageHandler handler) {
        return new Subscription(this, capacity, handler, telemetry);
    }

    /** Every message of every organisation (system admin tooling, tests). */
    public Subscription subscribeAll(int capacity, MessageHandler handler) {
        Subscription s = new Subscription(this, capacity, handler, telemetry);
        firehose.add(s);
        return s;
    }

    /**
     * Publishes a batch as one Redis message; every node, this one included, delivers it when it comes
     * back, so all nodes see all batches in the one order Redis gives them (per-resource order holds even
     * when consecutive events of a resource were dispatched by different nodes). When Redis cannot take
     * the batch this throws: a dispatch pass then does not commit, and its events are dispatched again once
     * Redis answers, rather than reaching one node and not the others.
     */
    public void publish(List<Routed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            redis.client().publish(channel, Json.write(new RedisFanout.Batch(nodeId, wire(batch))));
        } catch (RuntimeException e) {
            batch.forEach(r -> telemetry.dropped(r.message().orgId(), "redis_unavailable"));
            throw new PubSubUnavailableException("Redis did not take " + batch.size() + " messages: " + e.getMessage(), e);
        }
    }

    /**
     * Hands a batch to this node's subscribers: each gets, as one queue entry, the batch's messages on its
     * topics in batch order, each message once (with the first of its topics it subscribed to).
     */
    void deliverLocal(List<Routed> batch) {
        Map<Subscription, List<Routed.Match>> targets = new LinkedHashMap<>();
        Map<Subscription, Boolean> seen = new HashMap<>();
        for (Routed routed : batch) {
            seen.clear();
            for (Topic topic : routed.topics()) {
                for (Subscription s : byTopic.getOrDefault(topic, Set.of())) {
                    if (seen.putIfAbsent(s, Boolean.TRUE) == null) {
                        targets.computeIfAbsent(s, k -> new ArrayList<>()).add(new Routed.Match(topic, routed.message()));
                    }
                }
            }
            Topic first = routed.topics().iterator().next();
            for (Subscription s : firehose) {
                if (seen.putIfAbsent(s, Boolean.TRUE) == null) {
                    targets.computeIfAbsent(s, k -> new ArrayList<>()).add(new Routed.Match(first, routed.message()));
                }
            }
        }
        targets.forEach(Subscription::offerAll);
    }

    void index(Subscription s, Topic topic) {
        byTopic.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(s);
    }

    void unindex(Subscription s, Topic topic) {
        byTopic.computeIfPresent(topic, (t, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    void detach(Subscription s) {
        firehose.remove(s);
        s.topics().forEach(t -> unindex(s, t));
    }

    /** Subscribers currently listening on a topic on this node. */
    public int subscriberCount(Topic topic) {
        return byTopic.getOrDefault(topic, Set.of()).size();
    }

    /** The ids of the topics of {@code family} that at least one subscriber on this node follows now. */
    public Set<UUID> followed(TopicFamily family) {
        Set<UUID> ids = new java.util.HashSet<>();
        byTopic.keySet().forEach(topic -> {
            if (topic.family() == family) {
                ids.add(topic.id());
            }
        });
        return ids;
    }

    private static List<RedisFanout.WireRouted> wire(List<Routed> batch) {
        List<RedisFanout.WireRouted> out = new ArrayList<>(batch.size());
        batch.forEach(r -> out.add(new RedisFanout.WireRouted(
                r.topics().stream().map(Topic::toString).toList(), r.message(), r.previousOffset())));
        return out;
    }

    @Override
    public void close() {
        fanout.close();
        local.close();
        firehose.forEach(Subscription::close);
        byTopic.values().forEach(set -> set.forEach(Subscription::close));
    }
}
