package za.voelgoed.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.topic.Topic;

/**
 * Reads back from the outbox what a topic carried after an offset, for clients that reconnect (ADR 0017).
 * Offsets are the organisation's dispatch order, so "every event of the topic after offset N" is exact:
 * whatever the client had was published at or before N. The topic filter is the live router itself, so
 * replay and live delivery cannot disagree. The work of one resume is bounded: it reads at most
 * {@code scanLimit + 1} of the organisation's dispatch-log rows along its primary key, and gives up (the
 * client rehydrates) when there are more, or when the point was pruned with its events.
 */
public final class TopicReplay {

    private final DispatchLog log;
    private final Function<DomainEvent, Set<Topic>> router;
    private final int scanLimit;
    private final String epoch;

    public TopicReplay(DispatchLog log, Function<DomainEvent, Set<Topic>> router, int scanLimit) {
        this.log = log;
        this.router = router;
        this.scanLimit = scanLimit;
        this.epoch = log.epoch();
    }

    /** The epoch this outbox's offsets belong to. */
    public String epoch() {
        return epoch;
    }

    /**
     * The events of {@code topic} (owned by {@code org}) dispatched after {@code offset}, in order; empty when
     * they cannot all be given: more than {@code limit} of them, more than the scan limit of the organisation's,
     * or some pruned already.
     */
    public Optional<List<Dispatched>> after(Topic topic, UUID org, long offset, int limit) {
        if (offset < log.head(org).prunedThrough()) {
            return Optional.empty();
        }
        List<Dispatched> scanned = log.between(org, offset, Long.MAX_VALUE, scanLimit + 1);
        if (scanned.size() > scanLimit) {
            return Optional.empty();
        }
        List<Dispatched> matching = new ArrayList<>();
        for (Dispatched d : scanned) {
            if (router.apply(d.event()).contains(topic)) {
                if (matching.size() == limit) {
                    return Optional.empty();
                }
                matching.add(d);
            }
        }
        return Optional.of(matching);
    }
}
