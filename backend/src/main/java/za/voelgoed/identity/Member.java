package za.voelgoed.identity;

import java.time.Instant;
import java.util.UUID;

/** A person of an organisation, or (with a null email and role) a device such as a scanner. */
public record Member(UUID id, UUID organizationId, String kind, String email, String name, String role,
                     Instant createdAt) {
}
