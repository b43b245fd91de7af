package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import za.voelgoed.shared.json.Json;

@Command(name = "show", description = "Show one dead letter: its fields, its error history and the job's arguments.")
final class ShowCommand extends ApiCommand {

    private static final String INDENT = "  ";
    private static final String ERROR_INDENT = "     ";

    @Parameters(paramLabel = "<id>", description = "The dead letter's id.")
    UUID id;

    @Override
    int run(DlqApi api, CommandLine cmd, PrintWriter out) {
        String body = api.deadLetter(id);
        if (common.json) {
            out.println(body);
        } else {
            print(DlqApi.decode(body, DeadLetter.class), out);
        }
        return ExitCodes.OK;
    }

    static void print(DeadLetter letter, PrintWriter out) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", letter.id());
        fields.put("status", letter.status());
        fields.put("worker", letter.worker());
        fields.put("event type", letter.eventType());
        fields.put("queue", letter.queue());
        fields.put("source queue", letter.sourceQueue());
        fields.put("job id", letter.jobId());
        fields.put("organization", letter.organizationId());
        fields.put("attempts", letter.attempts());
        fields.put("idempotency key", letter.idempotencyKey());
        fields.put("dead at", letter.deadAt());
        fields.put("resolved at", letter.resolvedAt());
        fields.put("resolved by", letter.resolvedBy());
        fields.put("resolution reason", letter.resolutionReason());
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) ->
                out.println(name + " ".repeat(width - name.length()) + INDENT + (value == null ? "-" : value)));

        out.println();
        printErrors(letter.errors(), out);
        out.println();
        out.println("args:");
        pretty(letter.args()).lines().forEach(line -> out.println(INDENT + line));
    }

    /** Errors are often multi-line (stack traces), so each gets a header line and its text indented below. */
    private static void printErrors(List<DeadLetter.AttemptError> errors, PrintWriter out) {
        out.println("errors (" + errors.size() + "):");
        for (int i = 0; i < errors.size(); i++) {
            DeadLetter.AttemptError error = errors.get(i);
            int number = error.attempt() == null ? i + 1 : error.attempt();
            out.println(INDENT + number + ". " + orDash(error.at()) + INDENT + orDash(error.node()));
            orDash(error.error()).strip().lines().forEach(line -> out.println(ERROR_INDENT + line));
        }
    }

    private static String pretty(JsonNode args) {
        if (args == null || args.isNull() || args.isMissingNode()) {
            return "-";
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(args);
        } catch (JsonProcessingException e) {
            // A tree that was just parsed always writes back; keep the compact form if it somehow does not.
            return args.toString();
        }
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
