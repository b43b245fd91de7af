package za.voelgoed.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A sequenced dead letter: consumer {@code consumer} failed on event {@code headEventId} (sequence
 * {@code headSeq}) of one resource, so it receives none of that resource's later events until the head
 * succeeds on retry, an operator replays it, or an operator skips it. Other consumers and PubSub go on.
 *
 * <p>States: {@code retrying} (the drainer retries at {@code nextAttemptAt}) → {@code parked} after the
 * maximum attempts (waits for an operator) → replay puts it back to {@code retrying}; success deletes it.
 */
public record ConsumerBlock(
        UUID id,
        String consumer,
        UUID organizationId,
        ResourceRef resource,
        UUID headEventId,
        long headSeq,
        String state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        JsonNode errors,
        Instant createdAt,
        Instant updatedAt) {

    public static final String RETRYING = "retrying";
    public static final String PARKED = "parked";

    /** The key under which a block holds back a resource for one consumer. */
    record Key(String consumer, ResourceRef resource) {
    }

    Key key() {
        return new Key(consumer, resource);
    }
}
