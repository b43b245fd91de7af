package za.voelgoed.shared.event;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned event type name such as {@code ticket.sold.v1}: a base name ({@code ticket.sold}) and a
 * version starting at 1. The wire form is always the versioned one.
 */
public record EventTypeName(String name, int version) {

    private static final Pattern BASE = Pattern.compile("[a-z][a-z_]*\\.[a-z][a-z_]*");
    private static final Pattern VERSIONED = Pattern.compile("([a-z][a-z_]*\\.[a-z][a-z_]*)\\.v([1-9][0-9]{0,3})");
    /** Names parsed before: every event's type is parsed on its way through, from a few dozen names. */
    private static final ConcurrentHashMap<String, EventTypeName> PARSED = new ConcurrentHashMap<>();
    /** Bounds the memo, as a wire name may come from outside. */
    private static final int MAX_PARSED = 1_024;

    public EventTypeName {
        if (name == null || !BASE.matcher(name).matches()) {
            throw new InvalidEventException("event type name '" + name + "' must look like domain.verb");
        }
        if (version < 1) {
            throw new InvalidEventException("event type version must be 1 or more, got " + version);
        }
    }

    public static EventTypeName parse(String wire) {
        EventTypeName known = wire == null ? null : PARSED.get(wire);
        if (known != null) {
            return known;
        }
        EventTypeName parsed = parseAnew(wire);
        if (PARSED.size() < MAX_PARSED) {
            PARSED.put(wire, parsed);
        }
        return parsed;
    }

    private static EventTypeName parseAnew(String wire) {
        Matcher m = wire == null ? null : VERSIONED.matcher(wire);
        if (m == null || !m.matches()) {
            throw new InvalidEventException("event type '" + wire + "' must look like domain.verb.vN, e.g. ticket.sold.v1");
        }
        return new EventTypeName(m.group(1), Integer.parseInt(m.group(2)));
    }

    public static EventTypeName of(String name, int version) {
        return new EventTypeName(name, version);
    }

    /** The first part of the name ({@code ticket} for {@code ticket.sold}). */
    public String subject() {
        return name.substring(0, name.indexOf('.'));
    }

    public String wire() {
        return name + ".v" + version;
    }

    @Override
    public String toString() {
        return wire();
    }
}
