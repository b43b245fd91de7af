package za.voelgoed.platform.jobs;

import java.time.Duration;

/**
 * A kind of job, registered by {@link #name()}. {@link #perform} may run more than once for one job
 * (at-least-once): a worker makes its effect idempotent with {@link JobContext#effect}, or by nature.
 * Throwing fails the attempt; the engine retries with backoff until {@link #maxAttempts()}, then moves
 * the job to its organisation's dead-letter queue for {@link #eventType()}.
 */
public interface Worker {

    /** The registered name, e.g. {@code payments.capture}. */
    String name();

    /** The kind of queue its jobs go to (each organisation has one queue per kind). */
    QueueKind queue();

    /** The args every job of this worker must carry; checked at enqueue. */
    ArgsShape args();

    /** The domain event type its jobs serve; names the dead-letter queue. */
    String eventType();

    default int maxAttempts() {
        return 20;
    }

    /** An attempt still running after this is interrupted and counted as failed. */
    default Duration timeout() {
        return Duration.ofMinutes(1);
    }

    void perform(JobContext job) throws Exception;
}
