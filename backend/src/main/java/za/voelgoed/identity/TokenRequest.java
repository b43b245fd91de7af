package za.voelgoed.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import za.voelgoed.platform.auth.Role;

/** A validated request for a new token. */
record TokenRequest(UUID organizationId, Role role, List<String> scopes, UUID userId, UUID deviceId, String label,
                    Instant expiresAt) {
}
