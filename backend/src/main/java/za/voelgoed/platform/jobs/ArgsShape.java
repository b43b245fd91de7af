package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import za.voelgoed.shared.event.FieldSpec;
import za.voelgoed.shared.event.FieldType;

/**
 * The declared shape of a worker's args. Unknown fields are refused too: a misspelt field name would
 * otherwise surface as a failing job hours later instead of an error at enqueue.
 */
public final class ArgsShape {

    private final Map<String, FieldSpec> fields;

    private ArgsShape(Map<String, FieldSpec> fields) {
        this.fields = Map.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ArgsShape none() {
        return new ArgsShape(Map.of());
    }

    /** Every way {@code args} misses the shape; empty when it fits. */
    public List<String> violations(JsonNode args) {
        List<String> problems = new ArrayList<>();
        if (args == null || !args.isObject()) {
            problems.add("args must be a JSON object");
            return problems;
        }
        fields.values().forEach(spec -> check(spec, args.get(spec.name()), problems));
        for (Iterator<String> names = args.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                problems.add("args." + name + " is not a field of this worker");
            }
        }
        return problems;
    }

    private static void check(FieldSpec spec, JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            if (spec.required()) {
                problems.add("args." + spec.name() + " is required");
            }
        } else if (!spec.type().accepts(value)) {
            problems.add("args." + spec.name() + " must be " + spec.type().name().toLowerCase());
        }
    }

    /** Adds fields one by one. */
    public static final class Builder {
        private final Map<String, FieldSpec> fields = new LinkedHashMap<>();

        public Builder required(String name, FieldType type) {
            fields.put(name, FieldSpec.required(name, type));
            return this;
        }

        public Builder optional(String name, FieldType type) {
            fields.put(name, FieldSpec.optional(name, type));
            return this;
        }

        public ArgsShape build() {
            return new ArgsShape(fields);
        }
    }
}
