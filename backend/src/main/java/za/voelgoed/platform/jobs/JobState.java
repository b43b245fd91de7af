package za.voelgoed.platform.jobs;

/**
 * The states of a job. {@code available}, {@code scheduled} (run at a later time) and {@code retryable}
 * (waiting out a backoff) are runnable once their {@code scheduled_at} has passed; a claim moves the job to
 * {@code executing}; it ends {@code completed}, {@code discarded} (attempts exhausted: it is then in the
 * dead-letter queue, from where a replay makes it {@code available} again) or {@code cancelled}. A
 * rescue returns an {@code executing} job of a dead node to {@code available}.
 */
public enum JobState {
    AVAILABLE, SCHEDULED, EXECUTING, RETRYABLE, COMPLETED, DISCARDED, CANCELLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
