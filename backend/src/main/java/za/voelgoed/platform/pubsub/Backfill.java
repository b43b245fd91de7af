package za.voelgoed.platform.pubsub;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where a node reads back the dispatched events it did not receive: the outbox's dispatch log. */
public interface Backfill {

    /** The organisation's events with offsets in {@code (after, before)}, in offset order, at most {@code limit}. */
    List<Routed> between(UUID organizationId, long after, long before, int limit);

    /** Every organisation's newest offset. */
    Map<UUID, Long> heads();

    /** For nodes without an outbox behind them (tests of PubSub alone): nothing to read back. */
    Backfill NONE = new Backfill() {
        @Override
        public List<Routed> between(UUID organizationId, long after, long before, int limit) {
            return List.of();
        }

        @Override
        public Map<UUID, Long> heads() {
            return Map.of();
        }
    };
}
