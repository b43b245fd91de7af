package za.voelgoed.platform.gateway;

import java.time.Instant;
import java.util.UUID;

/** One open connection of an organisation: who (role, device or user, token) and where (node). */
public record PresenceEntry(UUID connectionId, UUID organizationId, String kind, String role, UUID tokenId,
                            UUID deviceId, UUID userId, String node, Instant connectedAt) {
}
