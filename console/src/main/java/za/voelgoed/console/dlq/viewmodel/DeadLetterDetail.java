package za.voelgoed.console.dlq.viewmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import za.voelgoed.console.api.DeadLetters;
import za.voelgoed.shared.json.Json;

/**
 * A dead letter's detail as an operator reads it: what it was, where it stands, its scrubbed args, and each
 * attempt as "when, on which node" over the error in its own words. An attempt the backend recorded in another
 * shape, or with more than those four fields, is shown as the JSON it is, so nothing is hidden.
 */
public final class DeadLetterDetail {

    private static final String INDENT = "    ";
    /** What the backend writes for each attempt; an attempt with more is shown as its JSON. */
    private static final Set<String> ATTEMPT_FIELDS = Set.of("attempt", "at", "error", "node");

    private final DateTimeFormatter when;

    public DeadLetterDetail(ZoneId zone) {
        this.when = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH).withZone(zone);
    }

    /** A time as the desk shows it: "3 Dec 14:37:30" in the console's zone. */
    public String when(Instant instant) {
        return when.format(instant);
    }

    public String describe(DeadLetters.Entry e) {
        StringBuilder text = new StringBuilder();
        line(text, "Event type", e.eventType());
        line(text, "Worker", e.worker());
        line(text, "Queue", queueKind(e.sourceQueue() != null ? e.sourceQueue() : e.queue()));
        line(text, "Job", e.jobId() + ", " + e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts"));
        line(text, "Died", e.deadAt() == null ? "" : when.format(e.deadAt()));
        line(text, "Status", status(e));
        text.append("\nArgs (scrubbed by the backend):\n").append(pretty(e.args())).append("\n\nAttempts:\n");
        if (e.errors() != null && e.errors().isArray()) {
            int n = 1;
            for (JsonNode attempt : e.errors()) {
                attempt(text, n++, attempt);
            }
        }
        return text.toString();
    }

    /** The queue's kind, the last part of its name ("payments" of {@code queue:org:…:payments}). */
    public static String queueKind(String queue) {
        return queue == null ? "" : queue.substring(queue.lastIndexOf(':') + 1);
    }

    private String status(DeadLetters.Entry e) {
        if (e.resolvedBy() == null) {
            return e.status();
        }
        return e.status() + " by " + e.resolvedBy()
                + (e.resolvedAt() == null ? "" : " at " + when.format(e.resolvedAt()))
                + (e.resolutionReason() == null ? "" : ": " + e.resolutionReason());
    }

    private void attempt(StringBuilder text, int n, JsonNode attempt) {
        JsonNode error = attempt.path("error");
        if (!attempt.isObject() || !error.isTextual() || !ATTEMPT_FIELDS.containsAll(fieldNames(attempt))) {
            text.append(n).append(". ").append(pretty(attempt)).append('\n');
            return;
        }
        int recorded = attempt.path("attempt").asInt(0);
        text.append(recorded > 0 ? recorded : n).append(". ").append(at(attempt.path("at").asText("")));
        if (attempt.path("node").isTextual()) {
            text.append(" on ").append(attempt.path("node").asText());
        }
        text.append('\n').append(INDENT).append(error.asText().replace("\n", "\n" + INDENT)).append('\n');
    }

    /** The attempt's time in the console's zone, or as the backend wrote it when it is not a timestamp. */
    private String at(String raw) {
        if (raw.isBlank()) {
            return "(no time)";
        }
        try {
            return when.format(OffsetDateTime.parse(raw));
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-12s", label + ":")).append(value == null ? "" : value).append('\n');
    }

    private static String pretty(JsonNode node) {
        if (node == null) {
            return "";
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
