package za.voelgoed.console.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * The console's heartbeat on the FX thread: every listener is called at most ten times a second, whatever
 * rate events arrive at, so live pages redraw at most ten times a second. It also measures the gaps
 * between the FX thread's pulses, the bench's measure of whether the console stays responsive.
 */
public final class Pulse extends AnimationTimer {

    public static final long TICK_NANOS = 100_000_000L;

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final PulseGaps gaps = new PulseGaps();
    private long lastTick;
    private long lastPulse;

    public void add(LongConsumer onTickMillis) {
        listeners.add(onTickMillis);
    }

    public void remove(LongConsumer onTickMillis) {
        listeners.remove(onTickMillis);
    }

    public PulseGaps gaps() {
        return gaps;
    }

    @Override
    public void handle(long now) {
        if (lastPulse != 0) {
            gaps.record(now - lastPulse);
        }
        lastPulse = now;
        if (now - lastTick < TICK_NANOS) {
            return;
        }
        lastTick = now;
        long millis = System.currentTimeMillis();
        for (LongConsumer listener : listeners) {
            listener.accept(millis);
        }
    }
}
