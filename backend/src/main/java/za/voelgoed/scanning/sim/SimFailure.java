package za.voelgoed.scanning.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * Why a simulation stopped, as one sentence for stderr and the exit code a script branches on (the same codes as
 * the {@code dlq} tool: 4 token refused, 5 request rejected, 6 backend unreachable or 5xx).
 */
final class SimFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int REFUSED = 4;
    static final int REJECTED = 5;
    static final int UNAVAILABLE = 6;

    private final int exitCode;

    SimFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** A non-2xx answer to {@code what} (e.g. "opening a session"): the backend's problem code and detail. */
    static SimFailure answered(String what, int status, String body) {
        String problem = problem(body);
        if (status == 401) {
            return new SimFailure(REFUSED, "the backend refused the token (401" + problem + ") while " + what
                    + "; check --token / --device-token");
        }
        if (status == 403 || status == 404) {
            return new SimFailure(REFUSED, "the backend refused " + what + " (" + status + problem + ")");
        }
        int code = status >= 400 && status < 500 ? REJECTED : UNAVAILABLE;
        return new SimFailure(code, "the backend answered " + status + problem + " while " + what);
    }

    static SimFailure unreachable(String base, Exception cause) {
        String reason = cause.getMessage() != null && !cause.getMessage().isBlank() ? cause.getMessage()
                : cause instanceof ConnectException ? "connection refused" : cause.getClass().getSimpleName();
        return new SimFailure(UNAVAILABLE, "cannot reach the backend at " + base + " (" + reason
                + "); is it running?");
    }

    // only the problem's stable code and detail: never a body that might echo a code or a token
    private static String problem(String body) {
        try {
            JsonNode node = Json.tree(body == null || body.isBlank() ? "{}" : body);
            String code = node.path("code").asText("");
            String detail = node.path("detail").asText("");
            return code.isEmpty() ? "" : ": " + code + (detail.isEmpty() ? "" : ", " + detail);
        } catch (JsonCodecException e) {
            return "";
        }
    }
}
