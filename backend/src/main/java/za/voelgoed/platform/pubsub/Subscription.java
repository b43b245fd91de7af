package za.voelgoed.platform.pubsub;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.shared.topic.Topic;

/**
 * One subscriber: a bounded queue filled by publishers and drained by a virtual thread that calls the
 * handler. A full queue drops the message and counts it — a slow subscriber never slows the
 * dispatcher or other subscribers. Messages that arrive together (one dispatch batch) are queued as one
 * entry, and everything waiting when the handler is free goes to it at once: the busier the node, the
 * fewer and fuller its socket writes. Closing stops delivery; queued messages are discarded.
 */
public final class Subscription implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Subscription.class.getName());

    private final PubSub owner;
    private final Set<Topic> topics = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<List<Routed.Match>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final MessageHandler handler;
    private final PubSubTelemetry telemetry;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean open = true;
    private volatile Runnable onOverflow = () -> { };

    Subscription(PubSub owner, int capacity, MessageHandler handler, PubSubTelemetry telemetry) {
        this.owner = owner;
        this.capacity = capacity;
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

    /**
     * Queues messages as one entry. A subscriber with nothing waiting takes a batch of any size (a burst is
     * not a slow subscriber); otherwise the batch must fit in what is left of the capacity, or none of it is
     * queued and all of it counts as dropped.
     */
    boolean offerAll(List<Routed.Match> matches) {
        if (!open || matches.isEmpty()) {
            return false;
        }
        if (reserve(matches.size())) {
            queue.add(matches);
            return true;
        }
        if (dropped.getAndAdd(matches.size()) == 0) {
            onOverflow.run();
        }
        matches.forEach(m -> telemetry.dropped(m.message().orgId(), "subscriber_queue_full"));
        return false;
    }

    private boolean reserve(int messages) {
        while (true) {
            int waiting = queued.get();
            if (waiting > 0 && waiting + messages > capacity) {
                return false;
            }
            if (queued.compareAndSet(waiting, waiting + messages)) {
                return true;
            }
        }
    }

    private void deliverLoop() {
        List<List<Routed.Match>> waiting = new ArrayList<>();
        while (open) {
            try {
                waiting.add(queue.take());
                queue.drainTo(waiting);
                List<Routed.Match> matches = Batches.flatten(waiting);
                waiting.clear();
                queued.addAndGet(-matches.size());
                Instant now = Instant.now();
                matches.forEach(m -> telemetry.delivered(m.message().orgId(), m.message().event(),
                        Duration.between(m.message().timestamp(), now)));
                handler.onMessages(matches);
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
