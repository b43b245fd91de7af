package za.voelgoed.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands out send slots at a fixed rate to any number of writer threads. A writer that is behind schedule
 * sends at once (never skips), and the slot is counted as late. Rate 0 means no pacing.
 */
final class Pacer {

    private final long startNanos = System.nanoTime();
    private final double intervalNanos;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong late = new AtomicLong();

    Pacer(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    /** Waits for the next slot; returns its number. */
    long await() {
        long ticket = tickets.getAndIncrement();
        if (intervalNanos == 0) {
            return ticket;
        }
        long due = startNanos + (long) (ticket * intervalNanos);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        } else if (wait < -5_000_000) {
            late.incrementAndGet();
        }
        return ticket;
    }

    long late() {
        return late.get();
    }
}
