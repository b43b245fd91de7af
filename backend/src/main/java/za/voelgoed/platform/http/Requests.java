package za.voelgoed.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/** Edge parsing of path parameters and JSON bodies into typed values or a 4xx problem. */
public final class Requests {

    private Requests() {
    }

    public static UUID uuidParam(ServerRequest req, String name) {
        return uuid(req.path().pathParameters().get(name), name);
    }

    /** A UUID in its one canonical spelling, or 400 {@code invalid_id} naming {@code field}. */
    public static UUID uuid(String raw, String field) {
        if (isUuid(raw)) {
            return UUID.fromString(raw);
        }
        throw ApiException.badRequest("invalid_id", field + " is not a UUID");
    }

    public static boolean isUuid(String raw) {
        try {
            return raw != null && UUID.fromString(raw).toString().equals(raw.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int intQuery(ServerRequest req, String name, int fallback) {
        var raw = req.query().first(name).asOptional();
        try {
            return raw.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_query", name + " must be an integer");
        }
    }

    public static <T> T body(ServerRequest req, Class<T> type) {
        return parse(text(req), type);
    }

    /** The largest request body the API reads; the server refuses far larger ones before any route runs. */
    public static final int MAX_BODY_BYTES = 1_048_576;

    /**
     * The raw body text (empty when there is none); read once per request, and never more than
     * {@link #MAX_BODY_BYTES} of it, whether the client said its length or sent it in chunks.
     */
    public static String text(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return "";
        }
        if (req.headers().contentLength().orElse(0) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (java.io.InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("unreadable_body", "the request body could not be read");
        }
    }

    private static ApiException tooLarge() {
        return ApiException.of(413, "payload_too_large", "Payload too large",
                "the request body is over the limit of " + MAX_BODY_BYTES + " bytes");
    }

    /** Parses a body already read with {@link #text}. */
    public static <T> T parse(String text, Class<T> type) {
        try {
            JsonNode tree = Json.tree(text);
            if (!tree.isObject()) {
                throw ApiException.badRequest("malformed_json", "request body must be a JSON object");
            }
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonCodecException e) {
            throw ApiException.badRequest("malformed_json", "request body is not valid JSON");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "request body does not fit " + type.getSimpleName()
                    + Json.problem(e));
        }
    }
}
