package za.voelgoed.platform.pubsub;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Hands the batches that arrive from Redis to this node's subscribers on a thread of its own (so reading
 * the channel never waits for delivery), lingering a few milliseconds after the first of them for more to
 * join. Every dispatch loop of every node publishes its own small batches; without the linger each of
 * them would wake every subscriber and cost every socket one write. With it, a busy node makes one
 * delivery per window: a little latency bought back many times in CPU. Every batch passes
 * {@link Continuity} first, on this same thread, so a loss is read back and delivered before anything
 * that came after it.
 */
final class LocalDelivery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalDelivery.class.getName());

    /** Batches waiting: when delivery falls this far behind, the Redis reader waits (and Redis buffers). */
    private static final int MAX_WAITING_BATCHES = 10_000;
    /** Batches merged into one window at most, so one delivery stays a bounded amount of work. */
    private static final int MAX_WINDOW_BATCHES = 64;

    /** A batch to deliver, or (batch null) the sign that the Redis link came back and must be caught up. */
    private record Arrival(List<Routed> batch) {
        static final Arrival CATCH_UP = new Arrival(null);
        static final Arrival START = new Arrival(null);
    }

    private final BlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>(MAX_WAITING_BATCHES);
    private final Consumer<List<Routed>> deliver;
    private final Continuity continuity;
    private final Duration linger;
    private final Thread thread;
    private volatile boolean running = true;

    LocalDelivery(Consumer<List<Routed>> deliver, long lingerMs, Continuity continuity) {
        this.deliver = deliver;
        this.continuity = continuity;
        this.linger = Duration.ofMillis(Math.max(0, lingerMs));
        this.thread = Thread.ofPlatform().name("pubsub-deliver").daemon().start(this::loop);
    }

    void add(List<Routed> batch) {
        enqueue(new Arrival(batch));
    }

    /** Before the first batch: where every organisation's offsets stand. */
    void starting() {
        enqueue(Arrival.START);
    }

    /** The Redis link came back: batches published while it was down never arrive. */
    void linkRestored() {
        enqueue(Arrival.CATCH_UP);
    }

    private void enqueue(Arrival arrival) {
        try {
            arrived.put(arrival);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Arrival> window = new ArrayList<>();
        while (running) {
            try {
                window.add(arrived.take());
                if (!linger.isZero()) {
                    Thread.sleep(linger);
                }
                arrived.drainTo(window, MAX_WINDOW_BATCHES - 1);
                List<Routed> admitted = admit(window);
                if (!admitted.isEmpty()) {
                    deliver.accept(admitted);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "pubsub_local_delivery_failed error=\"" + e.getMessage() + "\"");
            } finally {
                window.clear();
            }
        }
    }

    private List<Routed> admit(List<Arrival> window) {
        List<List<Routed>> admitted = new ArrayList<>(window.size());
        for (Arrival arrival : window) {
            if (arrival == Arrival.START) {
                continuity.adoptHeads();
            } else if (arrival == Arrival.CATCH_UP) {
                admitted.add(continuity.catchUp());
            } else {
                admitted.add(continuity.admit(arrival.batch()));
            }
        }
        return Batches.flatten(admitted);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
