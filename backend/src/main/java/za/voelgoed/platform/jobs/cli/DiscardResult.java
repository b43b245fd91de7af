package za.voelgoed.platform.jobs.cli;

import java.util.List;

/** The answer of both discard routes. */
record DiscardResult(List<String> discarded, List<SkippedItem> skipped) {

    DiscardResult {
        discarded = discarded == null ? List.of() : discarded;
        skipped = skipped == null ? List.of() : skipped;
    }
}
