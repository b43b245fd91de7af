package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A job as a worker holds it: {@code claim} is the fencing token of this attempt — the job may only
 * be finished while it still carries this number.
 */
public record Claim(long jobId, long claim, String queue, UUID organizationId, QueueKind kind, String worker,
                    String eventType, JsonNode args, int attempt, int maxAttempts, OffsetDateTime scheduledAt,
                    OffsetDateTime attemptedAt, String uniqueKey) {

    /** The key under which this job's effect is recorded: its unique key, or its id. */
    public String effectKey() {
        return uniqueKey != null ? uniqueKey : "job:" + jobId;
    }
}
