package za.voelgoed.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API token as listed to its owners: never the secret, which exists only in the creation answer. */
public record ApiToken(UUID id, UUID organizationId, String role, UUID userId, UUID deviceId, List<String> scopes,
                       String label, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {
}
