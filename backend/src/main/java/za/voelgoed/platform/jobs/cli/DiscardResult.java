package za.voelgoed.platform.jobs.cli;

import java.util.List;

/** The answer of both discard routes. In a dry run, {@code discarded} lists what would be discarded. */
record DiscardResult(List<String> discarded, List<SkippedItem> skipped, BulkSummary summary) {

    DiscardResult {
        discarded = discarded == null ? List.of() : discarded;
        skipped = skipped == null ? List.of() : skipped;
        summary = summary == null ? new BulkSummary(false) : summary;
    }
}
