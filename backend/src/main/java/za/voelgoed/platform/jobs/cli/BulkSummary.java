package za.voelgoed.platform.jobs.cli;

/**
 * The part of a bulk answer's {@code summary} the tool reads: {@code more} says a filter matched more entries than
 * one request takes, so the same command again takes the next ones.
 */
record BulkSummary(boolean more) {

    static final String MORE_NOTICE = "more entries match the filter than one request takes:"
            + " run the same command again for the next ones";
}
