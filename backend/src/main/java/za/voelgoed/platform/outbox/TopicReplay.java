package za.voelgoed.platform.outbox;

import static za.voelgoed.platform.db.schema.Tables.DOMAIN_EVENTS;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.topic.Topic;

/**
 * Reads back from the outbox what a topic carried since a point in time, for clients that reconnect.
 * The topic filter is the live router itself, so replay and live delivery cannot disagree. Events are
 * read from {@code since - margin} (timestamps are taken just before commit, so a late commit may carry
 * an earlier time) in commit order; the client drops what it has already seen by {@code id}/{@code seq}.
 * The work of one resume is bounded: it reads at most {@code scanLimit + 1} of the organisation's rows, in
 * time order along the {@code (organization_id, timestamp)} index, and gives up (the client rehydrates) when
 * there are more, or when the retention may have pruned events after the client's point.
 */
public final class TopicReplay {

    private final DSLContext dsl;
    private final Function<DomainEvent, Set<Topic>> router;
    private final Duration margin;
    private final int scanLimit;

    /**
     * @param margin how far before {@code since} to look: longer than any transaction that emits events
     *               takes between stamping an event and committing it. A client may also receive events
     *               from up to this long before it first subscribed; they are real events of the topic.
     */
    public TopicReplay(DSLContext dsl, Function<DomainEvent, Set<Topic>> router, Duration margin, int scanLimit) {
        this.dsl = dsl;
        this.router = router;
        this.margin = margin;
        this.scanLimit = scanLimit;
    }

    /**
     * The events of {@code topic} (owned by {@code org}) from {@code since - MARGIN} on, or empty when
     * there are more than {@code limit} of them — the client must then rehydrate from a snapshot.
     */
    public Optional<List<DomainEvent>> eventsSince(Topic topic, UUID org, Instant since, int limit) {
        var rows = dsl.selectFrom(DOMAIN_EVENTS)
                .where(DOMAIN_EVENTS.ORGANIZATION_ID.eq(org))
                .and(DOMAIN_EVENTS.TIMESTAMP.ge(since.minus(margin).atOffset(ZoneOffset.UTC)))
                .orderBy(DOMAIN_EVENTS.TIMESTAMP).limit(scanLimit + 1)
                .fetch();
        if (rows.size() > scanLimit || olderThanRetained(org, since)) {
            return Optional.empty();
        }
        List<DomainEvent> scanned = new ArrayList<>(rows.size());
        rows.sortAsc(DOMAIN_EVENTS.POSITION).forEach(r -> scanned.add(OutboxStore.toEvent(r)));
        List<DomainEvent> matching = new ArrayList<>();
        for (DomainEvent event : scanned) {
            if (router.apply(event).contains(topic)) {
                if (matching.size() == limit) {
                    return Optional.empty();
                }
                matching.add(event);
            }
        }
        return Optional.of(matching);
    }

    /**
     * Whether events the client missed since {@code since} may have been pruned by the retention: a replay
     * would then be partial, so the client must rehydrate. Asked after the read: a prune deletes its rows and
     * moves the organisation's mark in one transaction, so a read that missed pruned rows sees the mark.
     */
    private boolean olderThanRetained(UUID org, Instant since) {
        Instant readFrom = since.minus(margin);
        return PruneStore.prunedThrough(dsl, org).filter(mark -> !mark.isBefore(readFrom)).isPresent();
    }
}
