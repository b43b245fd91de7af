package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job to enqueue. {@code uniqueKey} ({@code scope:key}) makes a second enqueue of the same key in the
 * same organisation a no-op while the first job is alive or completed (keys of different organisations never
 * meet); {@code runAt} schedules it for later.
 */
public record JobRequest(String worker, UUID organizationId, JsonNode args, Instant runAt, int priority,
                         String uniqueKey, Integer maxAttempts) {

    public JobRequest {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    public static JobRequest of(String worker, UUID organizationId, JsonNode args) {
        return new JobRequest(worker, organizationId, args, null, 0, null, null);
    }

    public JobRequest at(Instant when) {
        return new JobRequest(worker, organizationId, args, when, priority, uniqueKey, maxAttempts);
    }

    public JobRequest in(Duration delay) {
        return at(Instant.now().plus(delay));
    }

    /** Lower runs first; 0 is the default, 0–9 allowed. */
    public JobRequest priority(int value) {
        return new JobRequest(worker, organizationId, args, runAt, value, uniqueKey, maxAttempts);
    }

    /** One job per {@code key} within {@code scope}, e.g. {@code unique("capture", paymentId)}. */
    public JobRequest unique(String scope, String key) {
        return new JobRequest(worker, organizationId, args, runAt, priority, scope + ":" + key, maxAttempts);
    }

    public JobRequest maxAttempts(int value) {
        return new JobRequest(worker, organizationId, args, runAt, priority, uniqueKey, value);
    }
}
