package za.voelgoed.paysim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * A request body read strictly: amounts must be JSON integers (no strings, no fractions), texts must be
 * strings. Error messages name the field, never its value, since a value may be a card number.
 */
final class JsonBody {

    private final JsonNode tree;

    private JsonBody(JsonNode tree) {
        this.tree = tree;
    }

    /** An empty body reads as {@code {}} so bodiless operations such as void accept none. */
    static JsonBody parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new JsonBody(Json.object());
        }
        try {
            JsonNode tree = Json.tree(text);
            if (!tree.isObject()) {
                throw SimulatorException.badRequest("malformed_json", "the body must be a JSON object");
            }
            return new JsonBody(tree);
        } catch (JsonCodecException e) {
            throw SimulatorException.badRequest("malformed_json", "the body is not valid JSON");
        }
    }

    OptionalLong amount(String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw SimulatorException.invalid("invalid_amount", field + " must be a whole number of cents");
        }
        CardChecks.checkAmount(value.longValue());
        return OptionalLong.of(value.longValue());
    }

    long requiredAmount(String field) {
        return amount(field).orElseThrow(() -> SimulatorException.invalid("invalid_amount", field + " is required"));
    }

    /** The string value, or null when absent; a non-string is refused with {@code code}. */
    String text(String field, String code) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SimulatorException.invalid(code, field + " must be a string");
        }
        return value.textValue();
    }
}
