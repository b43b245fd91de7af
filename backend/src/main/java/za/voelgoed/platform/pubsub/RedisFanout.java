package za.voelgoed.platform.pubsub;

import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;

/**
 * The node's link to the PubSub channel: a blocking Redis SUBSCRIBE on its own connection and thread,
 * reconnecting when Redis goes away, handing every batch (its own node's too) to local delivery.
 */
final class RedisFanout implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisFanout.class.getName());

    /** What goes over the Redis channel: one dispatch batch of one node. */
    record Batch(String origin, List<WireRouted> messages) {
    }

    /** One message with its topics, as text, and the offset before it in its organisation. */
    record WireRouted(List<String> topics, EventMessage message, long previous) {
    }

    private final Redis redis;
    private final String channel;
    private final String nodeId;
    private final Consumer<List<Routed>> deliver;
    private final Runnable resubscribed;
    private final CountDownLatch firstSubscribe = new CountDownLatch(1);
    private volatile boolean running;
    private volatile JedisPubSub listener;
    private Thread thread;

    /**
     * @param resubscribed runs on this link's thread each time the subscription is back after being lost,
     *                     before any message that arrives on it: messages published meanwhile never came
     */
    RedisFanout(Redis redis, String channel, String nodeId, Consumer<List<Routed>> deliver, Runnable resubscribed) {
        this.redis = redis;
        this.channel = channel;
        this.nodeId = nodeId;
        this.deliver = deliver;
        this.resubscribed = resubscribed;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("pubsub-redis").daemon().start(this::loop);
        try {
            if (!firstSubscribe.await(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "pubsub_redis_not_subscribed_yet channel=" + channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            try (RedisClient client = redis.dedicatedClient()) {
                listener = new Listener();
                client.subscribe(listener, channel);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "pubsub_redis_lost node=" + nodeId + " error=\"" + e.getMessage()
                            + "\"; resubscribing");
                    sleepQuietly();
                }
            }
        }
    }

    private void receive(String payload) {
        Batch batch = Json.read(payload, Batch.class);
        List<Routed> routed = new java.util.ArrayList<>(batch.messages().size());
        for (WireRouted m : batch.messages()) {
            if (m.message() == null || m.topics() == null || m.topics().isEmpty()) {
                throw new IllegalArgumentException("batch from " + batch.origin() + " has a message without topics");
            }
            Set<Topic> topics = new HashSet<>();
            m.topics().forEach(t -> topics.add(Topic.parse(t)));
            routed.add(new Routed(topics, m.message(), m.previous()));
        }
        deliver.accept(routed);
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (firstSubscribe.getCount() == 0) {
                LOG.log(Level.WARNING, "pubsub_redis_resubscribed node=" + nodeId + "; catching up from the outbox");
                resubscribed.run();
            }
            firstSubscribe.countDown();
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                receive(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "pubsub_redis_bad_message error=\"" + e.getMessage() + "\"");
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub l = listener;
        if (l != null && l.isSubscribed()) {
            l.unsubscribe();
        }
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
