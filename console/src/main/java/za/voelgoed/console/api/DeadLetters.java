package za.voelgoed.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shapes of the dead-letter routes under {@code /api/orgs/{org}/dlq} and the queue routes. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** A job that ran out of attempts: its args (scrubbed by the backend) and every attempt's error. */
    public record Entry(UUID id, long jobId, String queue, String sourceQueue, String worker, String eventType,
                        JsonNode args, int attempts, JsonNode errors, String status, Instant deadAt,
                        Instant resolvedAt, String resolvedBy, String resolutionReason) {
    }

    public record Page(List<Entry> items, String nextCursor) {

        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The filter the list and the bulk actions share; null or blank parts match everything. */
    public record Filter(String queue, String eventType, String worker, Instant since, Instant until, String status) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, "dead");
        }
    }

    /** An entry an action left as it was, with the backend's stable reason code. */
    public record Skipped(UUID id, String code, String detail) {
    }

    public record Replayed(UUID id, long jobId) {
    }

    public record ReplayResult(boolean dryRun, List<Replayed> replayed, List<Skipped> skipped) {

        public ReplayResult {
            replayed = replayed == null ? List.of() : List.copyOf(replayed);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }
    }

    public record DiscardResult(boolean dryRun, List<UUID> discarded, List<Skipped> skipped) {

        public DiscardResult {
            discarded = discarded == null ? List.of() : List.copyOf(discarded);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }
    }

    /** One row of the audit trail: who did what to which dead letter, and why. */
    public record AuditEntry(long id, UUID deadLetterId, String action, String actor, String reason, Long jobId,
                             String queue, String eventType, String worker, Instant at) {
    }

    public record AuditPage(List<AuditEntry> items, String nextCursor) {

        public AuditPage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A job queue of the organisation and whether it is paused. */
    public record Queue(String name, String kind, boolean paused, java.util.Map<String, Long> counts) {

        public Queue {
            counts = counts == null ? java.util.Map.of() : java.util.Map.copyOf(counts);
        }

        /** Jobs waiting to run: available and scheduled (including retries). */
        public long waiting() {
            return counts.entrySet().stream().filter(e -> !e.getKey().equals("executing")
                    && !e.getKey().equals("completed") && !e.getKey().equals("discarded")
                    && !e.getKey().equals("cancelled")).mapToLong(java.util.Map.Entry::getValue).sum();
        }
    }
}
