package za.voelgoed.platform.pubsub;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.shared.topic.Topic;

/**
 * One subscriber: a bounded queue filled by publishers and drained by a virtual thread that calls the
 * handler. A full queue drops the message and counts it — a slow subscriber never slows the
 * dispatcher or other subscribers. Closing stops delivery; queued messages are discarded.
 */
public final class Subscription implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Subscription.class.getName());

    private final PubSub owner;
    private final Set<Topic> topics = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Routed.Match> queue;
    private final MessageHandler handler;
    private final PubSubTelemetry telemetry;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean open = true;
    private volatile Runnable onOverflow = () -> { };

    Subscription(PubSub owner, int capacity, MessageHandler handler, PubSubTelemetry telemetry) {
        this.owner = owner;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = handler;
        this.telemetry = telemetry;
        this.worker = Thread.ofVirtual().name("pubsub-subscriber").start(this::deliverLoop);
    }

    /** Adds a topic to this subscription. */
    public Subscription add(Topic topic) {
        topics.add(topic);
        owner.index(this, topic);
        return this;
    }

    /** Removes a topic from this subscription. */
    public Subscription remove(Topic topic) {
        topics.remove(topic);
        owner.unindex(this, topic);
        return this;
    }

    /** Runs once, on the publisher's thread, when this subscription first drops a message (keep it quick). */
    public Subscription onOverflow(Runnable action) {
        this.onOverflow = action;
        return this;
    }

    public Set<Topic> topics() {
        return Set.copyOf(topics);
    }

    /** Messages this subscriber lost because its queue was full. */
    public long dropped() {
        return dropped.get();
    }

    boolean offer(Routed.Match match) {
        if (!open) {
            return false;
        }
        if (queue.offer(match)) {
            return true;
        }
        if (dropped.incrementAndGet() == 1) {
            onOverflow.run();
        }
        telemetry.dropped(match.message().orgId(), "subscriber_queue_full");
        return false;
    }

    private void deliverLoop() {
        while (open) {
            try {
                Routed.Match match = queue.take();
                telemetry.delivered(match.message().orgId(), match.message().event(),
                        Duration.between(match.message().timestamp(), Instant.now()));
                handler.onMessage(match.topic(), match.message());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "pubsub_handler_failed error=\"" + e.getMessage() + "\"");
            }
        }
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            owner.detach(this);
            topics.clear();
            worker.interrupt();
        }
    }
}
