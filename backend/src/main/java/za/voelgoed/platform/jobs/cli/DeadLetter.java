package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A dead-lettered job as the backend describes it. Ids and instants stay strings: the tool only
 * displays them, and printing the backend's own text avoids reformatting surprises.
 */
record DeadLetter(String id, Long jobId, String organizationId, String queue, String sourceQueue,
        String worker, String eventType, JsonNode args, Integer attempts, List<AttemptError> errors,
        String idempotencyKey, String status, String deadAt, String resolvedAt, String resolvedBy,
        String resolutionReason) {

    DeadLetter {
        errors = errors == null ? List.of() : errors;
    }

    /** The failure that finally sent the job here, or null when the backend recorded none. */
    String lastError() {
        return errors.isEmpty() ? null : errors.getLast().error();
    }

    record AttemptError(Integer attempt, String at, String error, String node) {
    }
}
