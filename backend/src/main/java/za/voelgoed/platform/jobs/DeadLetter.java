package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A job that exhausted its attempts, as kept in {@code queue:org:{org_id}:dlq:{event_type}}: its args
 * (PII scrubbed), every attempt's error, and how it was resolved. {@code idempotencyKey} is the key
 * its effect is recorded under; a replay skips it once that key is consumed.
 */
public record DeadLetter(UUID id, long jobId, UUID organizationId, String queue, String sourceQueue, String worker,
                         String eventType, JsonNode args, int attempts, JsonNode errors, String idempotencyKey,
                         String status, OffsetDateTime deadAt, OffsetDateTime resolvedAt, String resolvedBy,
                         String resolutionReason) {

    public static final String DEAD = "dead";
    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";
}
