package za.voelgoed.platform.telemetry;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts per second over the last {@link #SECONDS} whole seconds, in a ring of slots of {@code width} cells
 * (one cell for a rate, one per latency bucket for a histogram). Writers on many threads add without a lock;
 * a slot is cleared, under its own lock, by the first writer of a new second. A writer late by more than the
 * window (its second's slot was already taken by a newer one) loses its sample: telemetry, not accounting.
 */
final class SecondWindow {

    /** The window: the last ten whole seconds, the current (still filling) one left out. */
    static final int SECONDS = 10;
    private static final int SLOTS = SECONDS + 2;

    private final int width;
    private final long[] stamps = new long[SLOTS];
    private final AtomicLongArray cells;

    SecondWindow(int width) {
        this.width = width;
        this.cells = new AtomicLongArray(SLOTS * width);
        java.util.Arrays.fill(stamps, Long.MIN_VALUE);
    }

    void add(long second, int cell, long count) {
        int slot = (int) Math.floorMod(second, (long) SLOTS);
        if (stamps[slot] != second && !claim(slot, second)) {
            return;
        }
        cells.addAndGet(slot * width + cell, count);
    }

    private boolean claim(int slot, long second) {
        synchronized (this) {
            if (stamps[slot] > second) {
                return false;
            }
            if (stamps[slot] < second) {
                for (int i = 0; i < width; i++) {
                    cells.set(slot * width + i, 0);
                }
                stamps[slot] = second;
            }
            return true;
        }
    }

    /** Per cell, the counts of the seconds {@code now - SECONDS} to {@code now - 1}. */
    long[] sum(long now) {
        long[] total = new long[width];
        synchronized (this) {
            for (int slot = 0; slot < SLOTS; slot++) {
                long stamp = stamps[slot];
                if (stamp >= now - SECONDS && stamp < now) {
                    for (int i = 0; i < width; i++) {
                        total[i] += cells.get(slot * width + i);
                    }
                }
            }
        }
        return total;
    }
}
