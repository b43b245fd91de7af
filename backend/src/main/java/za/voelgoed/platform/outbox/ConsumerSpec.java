package za.voelgoed.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An in-process consumer: its stable name (receipts and blocks are keyed by it), the version of each
 * event type it understands, and whether it writes to PostgreSQL inside the dispatch transaction.
 */
public record ConsumerSpec(String name, Map<String, Integer> versions, boolean transactional, EventHandler handler) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{1,62}");

    public ConsumerSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("consumer name '" + name + "' must match " + NAME);
        }
        if (versions.isEmpty() || handler == null) {
            throw new IllegalArgumentException("consumer " + name + " needs at least one event type and a handler");
        }
        versions = Map.copyOf(versions);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Collects the event types a consumer handles. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> versions = new LinkedHashMap<>();
        private boolean transactional;

        private Builder(String name) {
            this.name = name;
        }

        /** Handle events of base name {@code eventName} (e.g. {@code ticket.sold}) as version {@code version}. */
        public Builder on(String eventName, int version) {
            versions.put(eventName, version);
            return this;
        }

        public Builder transactional() {
            this.transactional = true;
            return this;
        }

        public ConsumerSpec handler(EventHandler handler) {
            return new ConsumerSpec(name, versions, transactional, handler);
        }
    }
}
