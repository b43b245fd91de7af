package za.voelgoed.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handler runs counted from inside the no-op job, the same way for both engines: the moment the last of
 * the expected jobs ran is taken there, not by polling the database (a poll every 100 ms would round every
 * figure to its interval). Runs beyond the expected count (a job run twice) are counted, not hidden.
 */
final class Completions {

    private final long expected;
    private final AtomicLong runs = new AtomicLong();
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile long lastNanos;

    Completions(long expected) {
        this.expected = expected;
    }

    /** Called by the job handler; cheap, so the handler stays a no-op in all but name. */
    void ran() {
        if (runs.incrementAndGet() == expected) {
            lastNanos = System.nanoTime();
            all.countDown();
        }
    }

    /** Waits until the expected number ran; false when {@code deadline} came first. */
    boolean await(Deadline deadline) throws InterruptedException {
        return all.await(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@link System#nanoTime} when the expected count was reached. */
    long lastNanos() {
        return lastNanos;
    }

    long runs() {
        return runs.get();
    }
}
