package za.voelgoed.scanning.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Spreads the scans of all devices evenly at {@code --rate} scans a second; a rate of 0 does not wait. */
final class Pacer {

    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

    Pacer(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, Math.round(1e9 / perSecond));
    }

    /** Waits for the slot of the next {@code scans} scans. */
    void await(int scans) {
        if (intervalNanos == 0) {
            return;
        }
        long slot = nextSlot.getAndAdd(intervalNanos * scans);
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
