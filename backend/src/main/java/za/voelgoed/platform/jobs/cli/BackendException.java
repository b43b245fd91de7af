package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.StringJoiner;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * The backend refused a request, could not be reached, or answered off-contract. Carries the exit
 * code that tells a calling script which of these happened, and the one-line message for stderr.
 */
final class BackendException extends RuntimeException {

    private static final int MAX_BODY_ECHO = 200;

    private final int exitCode;

    BackendException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static BackendException fromResponse(int status, String contentType, String body) {
        return new BackendException(ExitCodes.forHttpStatus(status), describe(status, contentType, body));
    }

    static BackendException unreachable(URI uri, Exception cause) {
        return new BackendException(ExitCodes.UNAVAILABLE, "cannot reach " + uri + ": " + reason(cause));
    }

    static BackendException offContract(String what, JsonCodecException cause) {
        return new BackendException(ExitCodes.UNAVAILABLE,
                "the backend's answer is not a valid " + what + ": " + cause.getMessage());
    }

    // The JDK client's connect failures carry no message at any depth; name the two common ones.
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return failure instanceof ConnectException ? "connection refused" : failure.getClass().getSimpleName();
    }

    /** "code: detail" plus one indented line per invalid field, or the status and a bit of the body. */
    private static String describe(int status, String contentType, String body) {
        JsonNode problem = problemOrNull(contentType, body);
        if (problem == null) {
            String echo = body == null ? "" : body.strip();
            if (echo.length() > MAX_BODY_ECHO) {
                echo = echo.substring(0, MAX_BODY_ECHO) + "...";
            }
            return "HTTP " + status + (echo.isEmpty() ? "" : ": " + echo);
        }
        String code = text(problem, "code", text(problem, "title", "HTTP " + status));
        String detail = text(problem, "detail", "");
        StringJoiner message = new StringJoiner(System.lineSeparator());
        message.add(detail.isEmpty() ? code : code + ": " + detail);
        for (JsonNode error : problem.path("errors")) {
            message.add("  " + text(error, "field", "?") + ": " + text(error, "message", ""));
        }
        return message.toString();
    }

    // Error bodies are read leniently: a proxy's HTML 502 must still yield a message, not a second failure.
    private static JsonNode problemOrNull(String contentType, String body) {
        if (contentType == null || !contentType.contains("json") || body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.tree(body);
            return node.isObject() ? node : null;
        } catch (JsonCodecException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : fallback;
    }
}
