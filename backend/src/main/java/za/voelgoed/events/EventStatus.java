package za.voelgoed.events;

/**
 * The lifecycle of a show: {@code DRAFT → PUBLISHED}; {@code CANCELLED} is reachable from either
 * (cancellation arrives with the ticketing slice). No transition leads back to draft.
 */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static EventStatus ofWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
