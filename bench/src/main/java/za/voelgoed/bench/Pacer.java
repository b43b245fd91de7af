package za.voelgoed.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands out send slots at a fixed rate to any number of writer threads: slot {@code n} is due at
 * {@code start + n * 1e9 / rate} ns, start being the moment the pacer was made. A writer ahead of
 * schedule parks until its slot; one behind sends at once (a slot is never skipped) and, when more than
 * {@link #LATE_NANOS} behind, the slot counts as late — late slots mean the writers could not keep the
 * rate. Rate 0 means no pacing (throughput mode): every call returns at once and nothing is late.
 */
final class Pacer {

    /** How far behind its slot a send may start before it counts as late (1 ms). */
    static final long LATE_NANOS = 1_000_000;

    private final long startNanos = System.nanoTime();
    private final double intervalNanos;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong late = new AtomicLong();

    Pacer(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    /** Waits for the next slot; returns its number (0, 1, 2, … over all threads). */
    long await() {
        long ticket = tickets.getAndIncrement();
        if (intervalNanos == 0) {
            return ticket;
        }
        long due = dueNanos(ticket);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        } else if (-wait > LATE_NANOS) {
            late.incrementAndGet();
        }
        return ticket;
    }

    /** When slot {@code ticket} is due ({@link System#nanoTime} scale); with rate 0, the pacer's start. */
    long dueNanos(long ticket) {
        return startNanos + (long) (ticket * intervalNanos);
    }

    /** Slots sent more than {@link #LATE_NANOS} after they were due. */
    long late() {
        return late.get();
    }
}
