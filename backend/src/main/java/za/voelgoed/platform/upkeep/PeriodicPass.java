package za.voelgoed.platform.upkeep;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A node's upkeep pass run at once and then every interval on a virtual thread of its own, until closed: what
 * the retention tasks share. A pass that throws is logged and the next one runs as planned; closing wakes the
 * waiting thread and waits a bounded time for a running pass to see {@link #stopping()} and end.
 */
public final class PeriodicPass implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PeriodicPass.class.getName());
    private static final long JOIN_MS = 5_000;

    private final String name;
    private final Duration every;
    private final Runnable pass;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread loop;

    /** {@code name} names the thread and the log line of a failed pass ({@code <name>_failed}). */
    public PeriodicPass(String name, Duration every, Runnable pass) {
        this.name = name;
        this.every = every;
        this.pass = pass;
    }

    public synchronized PeriodicPass start() {
        if (loop == null) {
            loop = Thread.ofVirtual().name(name).start(this::run);
        }
        return this;
    }

    /** True once closed: a long pass checks it between its batches. */
    public boolean stopping() {
        return closed.getCount() == 0;
    }

    private void run() {
        do {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + "_failed error=\"" + e.getMessage() + "\"");
            }
        } while (!awaitClose());
    }

    private boolean awaitClose() {
        try {
            return closed.await(every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        closed.countDown();
        Thread running;
        synchronized (this) {
            running = loop;
        }
        if (running != null) {
            try {
                running.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
