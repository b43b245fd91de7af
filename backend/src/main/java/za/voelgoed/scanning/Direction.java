package za.voelgoed.scanning;

import java.util.Locale;
import java.util.Optional;

/** Which way a session's gate lets people through. */
public enum Direction {
    ENTRY, EXIT, BOTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Direction> of(String wire) {
        for (Direction d : values()) {
            if (d.wire().equals(wire)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
