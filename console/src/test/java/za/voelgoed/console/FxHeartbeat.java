package za.voelgoed.console;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;

/**
 * What the console bench calls the FX pulse gap: a beat is handed to the FX thread 1/60 s after the last one
 * ran (as a 60 Hz pulse would come), and the time between two beats running is recorded. Whatever holds the
 * FX thread (a pulse's CSS and layout and its wait for the renderer, a frame's pixels handed to the window, a
 * page applying new data) delays the next beat by as long.
 *
 * <p>It replaces timing the console's own {@code AnimationTimer}, which forced 60 pulses a second and measured
 * the gaps between them: a console that pulses only when something changed has few gaps to measure, and a
 * long stall would then hide among them. The beats come at 60 Hz whatever the console does, and ask for no
 * pulse, so the figure means the same before and after such a change.
 */
final class FxHeartbeat {

    static final long PERIOD_NANOS = 1_000_000_000L / 60;

    private final PulseGaps gaps = new PulseGaps();

    PulseGaps gaps() {
        return gaps;
    }

    void start() {
        Thread.ofPlatform().daemon().name("probe-heartbeat").start(this::beat);
    }

    private void beat() {
        Semaphore ran = new Semaphore(0);
        long[] last = {0};
        while (true) {
            Platform.runLater(() -> {
                long now = System.nanoTime();
                if (last[0] != 0) {
                    gaps.record(now - last[0]);
                }
                last[0] = now;
                ran.release();
            });
            try {
                while (!ran.tryAcquire(1, TimeUnit.SECONDS)) {
                    // the FX thread is held; the gap grows until the beat runs
                }
            } catch (InterruptedException e) {
                return;
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }
}
