package za.voelgoed.events;

import static za.voelgoed.platform.db.schema.Tables.EVENTS;
import static za.voelgoed.platform.db.schema.Tables.RESOURCE_SEQUENCES;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import za.voelgoed.platform.db.schema.tables.records.EventsRecord;

/** SQL of the events slice. Every lookup is scoped by organisation. */
final class EventStore {

    private EventStore() {
    }

    static Event insert(DSLContext sql, UUID orgId, String name, EventRules.Times times, String venue) {
        return toEvent(sql.insertInto(EVENTS)
                .set(EVENTS.ID, UUID.randomUUID())
                .set(EVENTS.ORGANIZATION_ID, orgId)
                .set(EVENTS.NAME, name)
                .set(EVENTS.STARTS_AT, utc(times.startsAt()))
                .set(EVENTS.ENDS_AT, utc(times.endsAt()))
                .set(EVENTS.VENUE, venue)
                .set(EVENTS.STATUS, EventStatus.DRAFT.wire())
                .returning().fetchOne());
    }

    static Optional<Event> find(DSLContext sql, UUID orgId, UUID eventId, boolean lock) {
        var query = withSeq(sql).where(EVENTS.ORGANIZATION_ID.eq(orgId)).and(EVENTS.ID.eq(eventId));
        return (lock ? query.forUpdate().of(EVENTS) : query).fetchOptional(EventStore::toEventWithSeq);
    }

    private static org.jooq.SelectOnConditionStep<org.jooq.Record> withSeq(DSLContext sql) {
        return sql.select(EVENTS.fields()).select(RESOURCE_SEQUENCES.LAST_SEQ).from(EVENTS)
                .leftJoin(RESOURCE_SEQUENCES).on(RESOURCE_SEQUENCES.RESOURCE_TYPE.eq("event")
                        .and(RESOURCE_SEQUENCES.RESOURCE_ID.eq(EVENTS.ID)));
    }

    private static Event toEventWithSeq(org.jooq.Record r) {
        Long seq = r.get(RESOURCE_SEQUENCES.LAST_SEQ);
        return toEvent(r.into(EVENTS)).withSeq(seq == null ? 0 : seq);
    }

    static Optional<UUID> orgOf(DSLContext sql, UUID eventId) {
        return sql.select(EVENTS.ORGANIZATION_ID).from(EVENTS).where(EVENTS.ID.eq(eventId))
                .fetchOptional(EVENTS.ORGANIZATION_ID);
    }

    static List<Event> list(DSLContext sql, UUID orgId, int limit) {
        return withSeq(sql).where(EVENTS.ORGANIZATION_ID.eq(orgId))
                .orderBy(EVENTS.STARTS_AT, EVENTS.ID).limit(limit).fetch(EventStore::toEventWithSeq);
    }

    static Event markPublished(DSLContext sql, UUID eventId) {
        return toEvent(sql.update(EVENTS)
                .set(EVENTS.STATUS, EventStatus.PUBLISHED.wire())
                .set(EVENTS.PUBLISHED_AT, DSL.currentOffsetDateTime())
                .set(EVENTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(EVENTS.ID.eq(eventId)).returning().fetchOne());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Event toEvent(EventsRecord r) {
        return new Event(r.getId(), r.getOrganizationId(), r.getName(), instant(r.getStartsAt()),
                instant(r.getEndsAt()), r.getVenue(), r.getStatus(), instant(r.getPublishedAt()),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()), 0);
    }
}
