package za.voelgoed.paysim;

import java.util.Map;
import za.voelgoed.shared.json.Json;

/** A status and a JSON body, complete before it is sent, so the idempotency store can keep it as is. */
record Response(int status, String body) {

    static Response json(int status, Object value) {
        return new Response(status, Json.write(value));
    }

    /** The error shape of every refusal: {@code {"error": {"code": …, "message": …}}}. */
    static Response error(int status, String code, String message) {
        return json(status, Map.of("error", Map.of("code", code, "message", message)));
    }
}
