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
 * delivery per window: a little latency bought back many times in CPU.
 */
final class LocalDelivery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalDelivery.class.getName());

    /** Batches waiting: when delivery falls this far behind, the Redis reader waits (and Redis buffers). */
    private static final int MAX_WAITING_BATCHES = 10_000;
    /** Batches merged into one window at most, so one delivery stays a bounded amount of work. */
    private static final int MAX_WINDOW_BATCHES = 64;

    private final BlockingQueue<List<Routed>> arrived = new LinkedBlockingQueue<>(MAX_WAITING_BATCHES);
    private final Consumer<List<Routed>> deliver;
    private final Duration linger;
    private final Thread thread;
    private volatile boolean running = true;

    LocalDelivery(Consumer<List<Routed>> deliver, long lingerMs) {
        this.deliver = deliver;
        this.linger = Duration.ofMillis(Math.max(0, lingerMs));
        this.thread = Thread.ofPlatform().name("pubsub-deliver").daemon().start(this::loop);
    }

    void add(List<Routed> batch) {
        try {
            arrived.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<List<Routed>> window = new ArrayList<>();
        while (running) {
            try {
                window.add(arrived.take());
                if (!linger.isZero()) {
                    Thread.sleep(linger);
                }
                arrived.drainTo(window, MAX_WINDOW_BATCHES - 1);
                deliver.accept(Batches.flatten(window));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "pubsub_local_delivery_failed error=\"" + e.getMessage() + "\"");
            } finally {
                window.clear();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
