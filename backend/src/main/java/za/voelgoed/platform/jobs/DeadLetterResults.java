package za.voelgoed.platform.jobs;

import java.util.List;
import java.util.UUID;

/** What replay and discard did, item by item, and what a purge did in all. */
public final class DeadLetterResults {

    private DeadLetterResults() {
    }

    /** An entry left as it was, with a stable reason code. */
    public record Skipped(UUID id, String code, String detail) {
    }

    public record Replayed(UUID id, long jobId) {
    }

    /** In a dry run, {@code replayed} lists what a real run would replay. */
    public record ReplayResult(boolean dryRun, List<Replayed> replayed, List<Skipped> skipped) {
    }

    public record DiscardResult(List<UUID> discarded, List<Skipped> skipped) {
    }

    public record Page(List<DeadLetter> items, String nextCursor) {
    }

    /** What a purge deleted, or in a dry run would delete; {@code more}: the request's limit was reached. */
    public record PurgeResult(boolean dryRun, long purged, boolean more) {
    }
}
