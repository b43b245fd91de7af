package za.voelgoed.platform.outbox;

import java.util.UUID;

/** One resource whose events are ordered by their own sequence: the unit of dispatch locking. */
public record ResourceRef(String type, UUID id) {

    /** Namespace mixed into every key so outbox locks never collide with other advisory locks. */
    private static final long NAMESPACE = 0x6f7574626f78L;

    /** The PostgreSQL advisory-lock key that serialises work on this resource across nodes. */
    public long lockKey() {
        long h = id.getMostSignificantBits() * 31 + id.getLeastSignificantBits();
        return h ^ ((long) type.hashCode() << 17) ^ NAMESPACE;
    }
}
