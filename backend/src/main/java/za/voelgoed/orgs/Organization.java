package za.voelgoed.orgs;

import java.time.Instant;
import java.util.UUID;

/** A tenant of the platform: everything else belongs to exactly one organisation. */
public record Organization(UUID id, String name, String slug, Instant createdAt) {
}
