package za.voelgoed.platform.jobs.cli;

/** The answer of the purge route: how many entries went (or would go), and whether more still match. */
record PurgeResult(boolean dryRun, long purged, boolean more) {
}
