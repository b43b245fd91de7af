package za.voelgoed.platform.outbox;

import java.util.UUID;

/**
 * Who performs an action: recorded on every domain event the action emits (seed section 12).
 *
 * @param userId    the acting user, or null for the system and the bootstrap admin
 * @param ipAddress the device's address for scan and device actions, otherwise null
 * @param label     a readable name for audit rows ("system", "admin", a token id)
 */
public record Actor(UUID userId, String ipAddress, String label) {

    public static Actor system() {
        return new Actor(null, null, "system");
    }

    public static Actor admin() {
        return new Actor(null, null, "admin");
    }
}
