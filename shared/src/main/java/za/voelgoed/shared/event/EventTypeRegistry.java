package za.voelgoed.shared.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event type the system knows, each with its versions. Registration enforces the versioning
 * rule: versions arrive in order and each is additive over the previous one ({@link Compatibility}).
 * {@link #adapt} gives a consumer of one version the data of any other version (projection down,
 * upcasting up), which is how a v1 consumer keeps working while v2 is emitted.
 */
public final class EventTypeRegistry {

    private final Map<String, NavigableMap<Integer, EventSchema>> byName = new ConcurrentHashMap<>();
    private final Map<String, Upcaster> upcasters = new ConcurrentHashMap<>();

    /** A registry holding the standard event types of the platform. */
    public static EventTypeRegistry standard() {
        EventTypeRegistry registry = new EventTypeRegistry();
        EventTypes.registerAll(registry);
        return registry;
    }

    public synchronized EventTypeRegistry register(EventSchema schema) {
        EventTypeName type = schema.type();
        NavigableMap<Integer, EventSchema> versions = byName.getOrDefault(type.name(), new TreeMap<>());
        int expected = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        if (versions.containsKey(type.version())) {
            throw new InvalidEventException(type + " is already registered");
        }
        if (type.version() != expected) {
            throw new InvalidEventException(type + " registered out of order: expected version " + expected);
        }
        if (!versions.isEmpty()) {
            List<String> breaking = Compatibility.breakingChanges(versions.lastEntry().getValue(), schema);
            if (!breaking.isEmpty()) {
                throw new IncompatibleSchemaException(breaking);
            }
        }
        versions.put(type.version(), schema);
        byName.putIfAbsent(type.name(), versions);
        return this;
    }

    /** Registers how to fill version {@code fromVersion + 1} from {@code fromVersion}. */
    public EventTypeRegistry upcaster(String name, int fromVersion, Upcaster upcaster) {
        require(EventTypeName.of(name, fromVersion));
        require(EventTypeName.of(name, fromVersion + 1));
        upcasters.put(name + "#" + fromVersion, upcaster);
        return this;
    }

    public Optional<EventSchema> find(EventTypeName type) {
        NavigableMap<Integer, EventSchema> versions = byName.get(type.name());
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(type.version()));
    }

    public EventSchema require(EventTypeName type) {
        return find(type).orElseThrow(() -> new InvalidEventException("unknown event type " + type));
    }

    public EventSchema require(String wire) {
        return require(EventTypeName.parse(wire));
    }

    public Optional<EventSchema> latest(String name) {
        NavigableMap<Integer, EventSchema> versions = byName.get(name);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    public Collection<EventSchema> versions(String name) {
        NavigableMap<Integer, EventSchema> versions = byName.get(name);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    public List<EventSchema> all() {
        return byName.values().stream().flatMap(v -> v.values().stream()).toList();
    }

    /**
     * The data of an event of type {@code from} as a consumer of {@code targetVersion} expects it.
     * Newer data is projected onto the older schema; older data is upcast one version at a time.
     */
    public ObjectNode adapt(EventTypeName from, JsonNode data, int targetVersion) {
        require(from);
        EventTypeName target = EventTypeName.of(from.name(), targetVersion);
        EventSchema targetSchema = require(target);
        if (data == null || !data.isObject()) {
            throw new InvalidEventException(from + ": data must be a JSON object");
        }
        if (from.version() >= targetVersion) {
            return targetSchema.project(data);
        }
        ObjectNode current = ((ObjectNode) data).deepCopy();
        for (int v = from.version(); v < targetVersion; v++) {
            current = upcastStep(from.name(), v, current);
        }
        targetSchema.requireValid(current);
        return current;
    }

    /** True when {@link #adapt} can produce {@code targetVersion} from every registered version. */
    public boolean canServe(String name, int targetVersion) {
        if (find(EventTypeName.of(name, targetVersion)).isEmpty()) {
            return false;
        }
        for (int v = 1; v < targetVersion; v++) {
            if (!upcasters.containsKey(name + "#" + v) && addsRequiredFields(name, v)) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode upcastStep(String name, int fromVersion, ObjectNode data) {
        Upcaster upcaster = upcasters.get(name + "#" + fromVersion);
        if (upcaster != null) {
            return upcaster.upcast(data);
        }
        if (addsRequiredFields(name, fromVersion)) {
            throw new InvalidEventException("no upcaster from " + name + ".v" + fromVersion + " to v"
                    + (fromVersion + 1) + ", which adds required fields");
        }
        return data;
    }

    private boolean addsRequiredFields(String name, int fromVersion) {
        EventSchema older = require(EventTypeName.of(name, fromVersion));
        EventSchema newer = require(EventTypeName.of(name, fromVersion + 1));
        return newer.fields().values().stream()
                .anyMatch(f -> f.required() && older.field(f.name()).isEmpty());
    }
}
