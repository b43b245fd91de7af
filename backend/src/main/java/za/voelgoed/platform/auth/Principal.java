package za.voelgoed.platform.auth;

import java.util.Set;
import java.util.UUID;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.shared.topic.Topic;

/**
 * The authenticated caller of a request or WebSocket connection. The system admin (bootstrap token)
 * belongs to no organisation and may do everything; every other principal belongs to exactly one.
 *
 * @param tokenId the API token's id, or null for the bootstrap admin
 * @param scopes  for devices, the topics they may subscribe to; empty for people
 */
public record Principal(boolean admin, UUID tokenId, UUID organizationId, Role role, UUID userId, UUID deviceId,
                        Set<Topic> scopes) {

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public static Principal systemAdmin() {
        return new Principal(true, null, null, null, null, null, Set.of());
    }

    public boolean isDevice() {
        return role == Role.DEVICE;
    }

    /** True for the admin and for members of {@code organizationId}. */
    public boolean mayAct(UUID org) {
        return admin || (org != null && org.equals(organizationId));
    }

    /** The actor recorded on the domain events this principal's actions emit. */
    public Actor actor(String ipAddress) {
        String label = admin ? "admin" : "token:" + tokenId;
        return new Actor(userId, isDevice() ? ipAddress : null, label);
    }

    /** A short description for logs and audit rows. */
    public String describe() {
        return admin ? "admin" : role.wire() + ":" + tokenId;
    }
}
