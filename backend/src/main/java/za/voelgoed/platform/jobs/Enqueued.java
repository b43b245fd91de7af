package za.voelgoed.platform.jobs;

/** The outcome of an enqueue: the job's id and whether an existing job with the same unique key won. */
public record Enqueued(long jobId, boolean duplicate) {
}
