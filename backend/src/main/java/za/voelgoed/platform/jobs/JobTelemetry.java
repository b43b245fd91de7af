package za.voelgoed.platform.jobs;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What the engine reports; the Micrometer adapter lives in platform.telemetry. */
public interface JobTelemetry {

    /** A claimed job starts; {@code waited} is from when it was due to when it was claimed. */
    void started(Claim job, Duration waited);

    /** An attempt ended: {@code completed}, {@code retry}, {@code discarded} or {@code fenced}. */
    void finished(Claim job, Duration took, String outcome);

    /** Jobs taken back from dead nodes: given back to their queue, or (last attempt) dead-lettered. */
    void rescued(int jobs);

    /** The retention deleted {@code count} dead letters of {@code status} ({@code resolved} or {@code dead}). */
    void deadLettersPurged(UUID organizationId, String status, int count);

    /** The latest jobs-by-queue-and-state counters (the DLQ depth among them). */
    void counts(List<QueueCount> counts);

    /** One counter: jobs of a queue in a state, or dead letters of a DLQ in a status. */
    record QueueCount(String queue, String state, long count) {
    }

    JobTelemetry NONE = new JobTelemetry() {
        @Override
        public void started(Claim job, Duration waited) {
        }

        @Override
        public void finished(Claim job, Duration took, String outcome) {
        }

        @Override
        public void rescued(int jobs) {
        }

        @Override
        public void deadLettersPurged(UUID organizationId, String status, int count) {
        }

        @Override
        public void counts(List<QueueCount> counts) {
        }
    };
}
