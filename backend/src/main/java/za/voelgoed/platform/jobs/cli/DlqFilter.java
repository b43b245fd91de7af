package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The {@code filter} object of the bulk replay and discard bodies; absent criteria are left out, not sent as null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DlqFilter(String queue, String eventType, String worker, Instant since, Instant until) {
}
