package za.voelgoed.platform.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do inside its organisation. {@code OWNER} manages people and tokens, {@code STAFF}
 * operates (sells, refunds, publishes), {@code VIEWER} reads, {@code DEVICE} reaches only its scopes.
 */
public enum Role {
    OWNER, STAFF, VIEWER, DEVICE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofWire(String wire) {
        for (Role role : values()) {
            if (role.wire().equals(wire)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
