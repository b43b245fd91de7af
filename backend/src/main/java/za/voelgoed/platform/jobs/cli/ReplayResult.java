package za.voelgoed.platform.jobs.cli;

import java.util.List;

/** The answer of both replay routes. In a dry run, {@code replayed} lists what would be replayed. */
record ReplayResult(List<Replayed> replayed, List<SkippedItem> skipped, BulkSummary summary) {

    ReplayResult {
        replayed = replayed == null ? List.of() : replayed;
        skipped = skipped == null ? List.of() : skipped;
        summary = summary == null ? new BulkSummary(false) : summary;
    }

    /** A dead letter and the new job that now carries it. */
    record Replayed(String id, Long jobId) {
    }
}
