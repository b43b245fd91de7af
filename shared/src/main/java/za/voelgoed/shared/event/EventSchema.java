package za.voelgoed.shared.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data shape of one version of an event type, and where it belongs: the domain (telemetry tag and
 * topic domain) and the resource type whose sequence orders it.
 */
public record EventSchema(EventTypeName type, String domain, String resourceType, Map<String, FieldSpec> fields) {

    public EventSchema {
        if (type == null || domain == null || resourceType == null) {
            throw new InvalidEventException("an event schema needs a type, a domain and a resource type");
        }
        // declaration order is kept, so violation messages list fields in a stable order
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Builder builder(String versionedType, String domain, String resourceType) {
        return new Builder(EventTypeName.parse(versionedType), domain, resourceType);
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Every way the data breaks this schema, or an empty list. */
    public List<String> violations(JsonNode data) {
        List<String> problems = new ArrayList<>();
        if (data == null || !data.isObject()) {
            problems.add(type + ": data must be a JSON object");
            return problems;
        }
        for (FieldSpec spec : fields.values()) {
            JsonNode value = data.get(spec.name());
            boolean absent = value == null || value.isNull();
            if (absent && spec.required()) {
                problems.add(type + ": required field '" + spec.name() + "' is missing");
            } else if (!absent && !spec.type().accepts(value)) {
                problems.add(type + ": field '" + spec.name() + "' must be " + spec.type() + ", got "
                        + value.getNodeType());
            }
        }
        return problems;
    }

    /** Throws {@link InvalidEventException} listing every violation. */
    public void requireValid(JsonNode data) {
        List<String> problems = violations(data);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(String.join("; ", problems));
        }
    }

    /** The data restricted to this schema's fields: how a consumer of this version sees a newer event. */
    public ObjectNode project(JsonNode data) {
        ObjectNode projected = data.deepCopy() instanceof ObjectNode o ? o : za.voelgoed.shared.json.Json.object();
        projected.retain(fields.keySet());
        return projected;
    }

    public static final class Builder {
        private final EventTypeName type;
        private final String domain;
        private final String resourceType;
        private final Map<String, FieldSpec> fields = new LinkedHashMap<>();

        private Builder(EventTypeName type, String domain, String resourceType) {
            this.type = type;
            this.domain = domain;
            this.resourceType = resourceType;
        }

        public Builder required(String name, FieldType fieldType) {
            return add(FieldSpec.required(name, fieldType));
        }

        public Builder optional(String name, FieldType fieldType) {
            return add(FieldSpec.optional(name, fieldType));
        }

        private Builder add(FieldSpec spec) {
            if (fields.putIfAbsent(spec.name(), spec) != null) {
                throw new InvalidEventException(type + ": field '" + spec.name() + "' declared twice");
            }
            return this;
        }

        public EventSchema build() {
            return new EventSchema(type, domain, resourceType, fields);
        }
    }
}
