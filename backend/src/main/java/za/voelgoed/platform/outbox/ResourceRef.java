package za.voelgoed.platform.outbox;

import java.util.UUID;

/**
 * One resource whose events are ordered by their own sequence: the unit of dispatch locking (its
 * advisory-lock key is computed in SQL, see {@code OutboxStore}).
 */
public record ResourceRef(String type, UUID id) {
}
