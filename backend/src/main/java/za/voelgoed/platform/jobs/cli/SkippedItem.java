package za.voelgoed.platform.jobs.cli;

/** An item a replay or discard left alone, with the backend's reason code (e.g. effect_already_applied). */
record SkippedItem(String id, String code, String detail) {
}
