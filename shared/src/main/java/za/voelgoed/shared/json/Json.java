package za.voelgoed.shared.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON codec of the system: backend, console and tools read and write every envelope,
 * frame and REST body through this mapper, so field naming (snake_case) and time format
 * (ISO-8601 strings) cannot drift between sides. Types are strict: a number sent as a string, a
 * fraction where an integer belongs, or a number where text belongs is refused, never coerced. Error
 * messages name the field and what was expected, never the value received (it may be a card number).
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    /** The shared mapper; configured once, thread-safe for reading and writing. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract's settings to a mapper another library created (e.g. an HTTP media support). */
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the media support hands us one
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new JsonCodecException("cannot encode " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new JsonCodecException("empty JSON where " + type.getSimpleName() + " was expected", null);
        }
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new JsonCodecException("malformed " + type.getSimpleName() + problem(e), e);
        }
    }

    public static JsonNode tree(String text) {
        return read(text, JsonNode.class);
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * " at field: expected an integer", " : not valid JSON (line 1, column 9)": where the input went wrong and
     * what was expected there, in words of ours. Jackson's own messages quote the value they could not
     * take, and a request value must never be echoed (it may be a card number).
     */
    public static String problem(JsonProcessingException e) {
        return path(e) + ": " + expectation(e) + location(e);
    }

    private static String expectation(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "not valid JSON";
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return "unexpected content after the JSON value";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException
                && e.getCause() instanceof za.voelgoed.shared.event.InvalidEventException rule) {
            return rule.getMessage(); // a rule of the contract, in our words
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + kindOf(mismatch.getTargetType());
        }
        return "a value is missing or not of the expected type";
    }

    private static String kindOf(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID string";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** " at field.sub[2]" for mapping errors, so the message names the offending field. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(" at ");
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 4 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
