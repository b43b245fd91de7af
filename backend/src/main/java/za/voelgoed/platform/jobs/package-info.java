/**
 * Durable jobs in PostgreSQL (ADR 0009) and their dead-letter queue (ADR 0010): {@link
 * za.voelgoed.platform.jobs.Jobs} enqueues in the caller's transaction, {@link
 * za.voelgoed.platform.jobs.JobEngine} runs a node's workers, {@link za.voelgoed.platform.jobs.DeadLetters}
 * is what operators act on. The SQL lives in the {@code *Store} classes.
 */
package za.voelgoed.platform.jobs;
