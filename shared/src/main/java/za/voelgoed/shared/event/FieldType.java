package za.voelgoed.shared.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The JSON shapes a field of an event's data may take. */
public enum FieldType {
    STRING, UUID, INTEGER, NUMBER, BOOLEAN, TIMESTAMP, OBJECT, ARRAY;

    /** True when the node has this shape; JSON null never matches (nullable fields are declared optional). */
    public boolean accepts(JsonNode node) {
        return switch (this) {
            case STRING -> node.isTextual();
            case UUID -> node.isTextual() && isUuid(node.asText());
            case INTEGER -> node.isIntegralNumber();
            case NUMBER -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case TIMESTAMP -> node.isTextual() && isTimestamp(node.asText());
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
        };
    }

    private static boolean isUuid(String text) {
        try {
            return java.util.UUID.fromString(text).toString().equals(text.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

}
