package za.voelgoed.console.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.application.Platform;

/**
 * The console's heartbeat on the FX thread: every listener is called ten times a second, whatever rate events
 * arrive at, so live pages redraw at most ten times a second. A daemon thread schedules the ticks and hands
 * each one to the FX thread; a tick is not queued again while the last one has not run, so a busy FX thread is
 * never flooded and a late tick is simply the next one.
 *
 * <p>It is not an {@code AnimationTimer} on purpose: a running animation makes JavaFX pulse 60 times a second
 * for as long as it runs, and each pulse walks the scene and waits for the renderer, even when nothing
 * changed. These ticks ask for no pulse; JavaFX pulses (and paints) only when a tick changed what shows.
 */
public final class Pulse {

    public static final long TICK_NANOS = 100_000_000L;

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<Runnable> fxThread;
    private ScheduledExecutorService scheduler;

    public Pulse() {
        this(Platform::runLater);
    }

    /** A pulse whose ticks run through {@code fxThread} (tests pass a direct or recording executor). */
    Pulse(Consumer<Runnable> fxThread) {
        this.fxThread = fxThread;
    }

    public void add(LongConsumer onTickMillis) {
        listeners.add(onTickMillis);
    }

    public void remove(LongConsumer onTickMillis) {
        listeners.remove(onTickMillis);
    }

    /** Starts ticking (again); a second call while running does nothing. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("console-pulse").unstarted(r));
        scheduler.scheduleAtFixedRate(this::post, 0, TICK_NANOS, TimeUnit.NANOSECONDS);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** On the scheduler's thread: queues a tick unless one is still waiting for the FX thread. */
    void post() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            fxThread.accept(this::tick);
        } catch (IllegalStateException toolkitGone) {
            queued.set(false);
            stop();
        }
    }

    private void tick() {
        queued.set(false);
        long millis = System.currentTimeMillis();
        for (LongConsumer listener : listeners) {
            listener.accept(millis);
        }
    }
}
