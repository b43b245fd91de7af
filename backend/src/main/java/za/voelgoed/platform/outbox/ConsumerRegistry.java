package za.voelgoed.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import za.voelgoed.shared.event.EventTypeRegistry;

/** The in-process consumers of a node, looked up by event base name. */
public final class ConsumerRegistry {

    private final EventTypeRegistry types;
    private final Map<String, ConsumerSpec> byName = new ConcurrentHashMap<>();
    private final List<ConsumerSpec> all = new CopyOnWriteArrayList<>();

    public ConsumerRegistry(EventTypeRegistry types) {
        this.types = types;
    }

    /** Adds a consumer; refuses one whose versions cannot be served from every emitted version. */
    public ConsumerRegistry register(ConsumerSpec spec) {
        spec.versions().forEach((eventName, version) -> {
            if (!types.canServe(eventName, version)) {
                throw new IllegalArgumentException("consumer " + spec.name() + " wants " + eventName + ".v"
                        + version + ", which is unknown or cannot be upcast to from older versions");
            }
        });
        if (byName.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalArgumentException("a consumer named " + spec.name() + " is already registered");
        }
        all.add(spec);
        return this;
    }

    public List<ConsumerSpec> consumersOf(String eventName) {
        return all.stream().filter(c -> c.versions().containsKey(eventName)).toList();
    }

    public Optional<ConsumerSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
