package za.voelgoed.console.viewmodel;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Re-reads a snapshot when live events say it changed, without ever asking more than once per
 * {@code minIntervalMs} or having two reads in flight: a thousand events a second become a few reads a
 * second. {@link #invalidate()} may be called from any thread (the socket's); {@link #tick(long)} runs on the
 * UI thread at the page's pulse and starts a read when one is due. A read that fails leaves the page's
 * last data on screen and is retried on the next tick after the interval.
 */
public final class Refresher<T> {

    private final Tasks tasks;
    private final long minIntervalMs;
    private final Callable<T> read;
    private final Consumer<T> apply;
    private final Consumer<Exception> failed;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private boolean inFlight;
    private long lastStartMs = Long.MIN_VALUE / 2;
    private long reads;
    private java.util.function.LongSupplier eagerClock;
    private java.util.function.BooleanSupplier eagerAllowed;

    public Refresher(Tasks tasks, long minIntervalMs, Callable<T> read, Consumer<T> apply, Consumer<Exception> failed) {
        this.tasks = tasks;
        this.minIntervalMs = minIntervalMs;
        this.read = read;
        this.apply = apply;
        this.failed = failed;
    }

    /**
     * Starts reads as soon as something changes (from the thread that says so) instead of at the next tick,
     * when {@code allowed} says yes (not paused) and the interval and the one-in-flight rule permit: the page
     * shows a sale up to a tick sooner. Without it reads start only at ticks (the ViewModel tests' mode).
     */
    public Refresher<T> eager(java.util.function.LongSupplier clock, java.util.function.BooleanSupplier allowed) {
        this.eagerClock = clock;
        this.eagerAllowed = allowed;
        return this;
    }

    /** Something changed: read again at the next tick that may (or now, when eager). Safe from any thread. */
    public void invalidate() {
        dirty.set(true);
        if (eagerClock != null && eagerAllowed.getAsBoolean()) {
            tick(eagerClock.getAsLong());
        }
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** On the UI thread: starts a read if one is wanted, none is running and the interval has passed. */
    public synchronized void tick(long nowMs) {
        if (inFlight || !dirty.get() || nowMs - lastStartMs < minIntervalMs) {
            return;
        }
        dirty.set(false);
        inFlight = true;
        lastStartMs = nowMs;
        reads++;
        tasks.run(read, result -> {
            finished();
            apply.accept(result);
        }, error -> {
            finished();
            dirty.set(true);
            failed.accept(error);
        });
    }

    private synchronized void finished() {
        inFlight = false;
    }

    /** How many reads have been started (for tests and the bench). */
    public synchronized long reads() {
        return reads;
    }
}
