package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What replay and discard did, item by item and in all, and what a purge did in all. */
public final class DeadLetterResults {

    private DeadLetterResults() {
    }

    /** An entry left as it was, with a stable reason code. */
    public record Skipped(UUID id, String code, String detail) {
    }

    public record Replayed(UUID id, long jobId) {
    }

    /** In a dry run, {@code replayed} lists what a real run would replay. */
    public record ReplayResult(boolean dryRun, List<Replayed> replayed, List<Skipped> skipped, Summary summary) {
        ReplayResult(boolean dryRun, List<Replayed> replayed, List<Skipped> skipped, boolean more) {
            this(dryRun, replayed, skipped, dryRun
                    ? Summary.of(replayed.size(), null, null, null, skipped, more)
                    : Summary.of(null, replayed.size(), null, null, skipped, more));
        }
    }

    /** In a dry run, {@code discarded} lists what a real run would discard, and nothing changed. */
    public record DiscardResult(List<UUID> discarded, List<Skipped> skipped, boolean dryRun, Summary summary) {
        DiscardResult(List<UUID> discarded, List<Skipped> skipped, boolean dryRun, boolean more) {
            this(discarded, skipped, dryRun, dryRun
                    ? Summary.of(null, null, discarded.size(), null, skipped, more)
                    : Summary.of(null, null, null, discarded.size(), skipped, more));
        }
    }

    /**
     * The counts a console shows for a bulk action. A dry run says {@code would_run} (replay) or
     * {@code would_discard}; a real run {@code replayed} or {@code discarded}; the other three are left out.
     * {@code more}: a filter matched more than {@link DeadLetters#MAX_BULK} entries and only the oldest
     * {@link DeadLetters#MAX_BULK} were taken; the same request again takes the next ones.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(Integer wouldRun, Integer replayed, Integer wouldDiscard, Integer discarded, int skipped,
                          Map<String, Integer> skippedByCode, boolean more) {

        static Summary of(Integer wouldRun, Integer replayed, Integer wouldDiscard, Integer discarded,
                          List<Skipped> skipped, boolean more) {
            Map<String, Integer> byCode = new TreeMap<>();
            skipped.forEach(s -> byCode.merge(s.code(), 1, Integer::sum));
            return new Summary(wouldRun, replayed, wouldDiscard, discarded, skipped.size(), byCode, more);
        }
    }

    public record Page(List<DeadLetter> items, String nextCursor) {
    }

    /** What a purge deleted, or in a dry run would delete; {@code more}: the request's limit was reached. */
    public record PurgeResult(boolean dryRun, long purged, boolean more) {
    }
}
