package za.voelgoed.platform.outbox;

import static za.voelgoed.platform.db.schema.Tables.CONSUMER_BLOCKS;
import static za.voelgoed.platform.db.schema.Tables.CONSUMER_BLOCK_AUDIT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import za.voelgoed.platform.db.schema.tables.records.ConsumerBlocksRecord;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.json.Json;

/**
 * Every SQL statement about consumer blocks and their audit trail. Error texts and reasons are stored
 * with card numbers masked: a consumer's exception may quote the event it failed on.
 */
final class BlockStore {

    private static final int KEPT_ERRORS = 20;

    private BlockStore() {
    }

    static Map<ConsumerBlock.Key, ConsumerBlock> activeFor(DSLContext sql, Collection<ResourceRef> resources) {
        Map<ConsumerBlock.Key, ConsumerBlock> blocks = new HashMap<>();
        UUID[] ids = resources.stream().map(ResourceRef::id).distinct().toArray(UUID[]::new);
        sql.selectFrom(CONSUMER_BLOCKS).where(CONSUMER_BLOCKS.RESOURCE_ID.eq(DSL.any(ids)))
                .fetch(BlockStore::toBlock).forEach(b -> blocks.put(b.key(), b));
        return blocks;
    }

    static ConsumerBlock open(DSLContext sql, String consumer, DomainEvent head, String rawError, Instant next) {
        String error = PiiScrubber.scrubText(rawError);
        UUID id = UUID.randomUUID();
        ArrayNode errors = Json.mapper().createArrayNode().add(errorEntry(1, head, error));
        ConsumerBlocksRecord r = sql.insertInto(CONSUMER_BLOCKS)
                .set(CONSUMER_BLOCKS.ID, id)
                .set(CONSUMER_BLOCKS.CONSUMER, consumer)
                .set(CONSUMER_BLOCKS.ORGANIZATION_ID, head.organizationId())
                .set(CONSUMER_BLOCKS.RESOURCE_TYPE, head.resourceType())
                .set(CONSUMER_BLOCKS.RESOURCE_ID, head.resourceId())
                .set(CONSUMER_BLOCKS.HEAD_EVENT_ID, head.eventId())
                .set(CONSUMER_BLOCKS.HEAD_SEQ, head.resourceSeq())
                .set(CONSUMER_BLOCKS.STATE, ConsumerBlock.RETRYING)
                .set(CONSUMER_BLOCKS.ATTEMPTS, 1)
                .set(CONSUMER_BLOCKS.NEXT_ATTEMPT_AT, next.atOffset(ZoneOffset.UTC))
                .set(CONSUMER_BLOCKS.LAST_ERROR, error)
                .set(CONSUMER_BLOCKS.ERRORS, JSONB.valueOf(Json.write(errors)))
                .returning().fetchOne();
        audit(sql, id, consumer, "blocked", "dispatcher", error, head.eventId());
        return toBlock(r);
    }

    /** The block if it is due and no other node is retrying it; locked until the transaction ends. */
    static Optional<ConsumerBlock> claimDue(DSLContext sql, UUID id) {
        return sql.selectFrom(CONSUMER_BLOCKS)
                .where(CONSUMER_BLOCKS.ID.eq(id)).and(CONSUMER_BLOCKS.STATE.eq(ConsumerBlock.RETRYING))
                .and(CONSUMER_BLOCKS.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                .forUpdate().skipLocked().fetchOptional(BlockStore::toBlock);
    }

    static List<UUID> dueIds(DSLContext sql, int limit) {
        return sql.select(CONSUMER_BLOCKS.ID).from(CONSUMER_BLOCKS)
                .where(CONSUMER_BLOCKS.STATE.eq(ConsumerBlock.RETRYING))
                .and(CONSUMER_BLOCKS.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                .orderBy(CONSUMER_BLOCKS.NEXT_ATTEMPT_AT).limit(limit).fetch(CONSUMER_BLOCKS.ID);
    }

    /** Records another failed attempt; parks the block when {@code parked}. */
    static void recordFailure(DSLContext sql, ConsumerBlock block, DomainEvent head, int attempts, String rawError,
                              Instant next, boolean parked) {
        String error = PiiScrubber.scrubText(rawError);
        ArrayNode errors = block.errors() instanceof ArrayNode a ? a.deepCopy() : Json.mapper().createArrayNode();
        errors.add(errorEntry(attempts, head, error));
        while (errors.size() > KEPT_ERRORS) {
            errors.remove(0);
        }
        sql.update(CONSUMER_BLOCKS)
                .set(CONSUMER_BLOCKS.HEAD_EVENT_ID, head.eventId())
                .set(CONSUMER_BLOCKS.HEAD_SEQ, head.resourceSeq())
                .set(CONSUMER_BLOCKS.ATTEMPTS, attempts)
                .set(CONSUMER_BLOCKS.STATE, parked ? ConsumerBlock.PARKED : ConsumerBlock.RETRYING)
                .set(CONSUMER_BLOCKS.NEXT_ATTEMPT_AT, next.atOffset(ZoneOffset.UTC))
                .set(CONSUMER_BLOCKS.LAST_ERROR, error)
                .set(CONSUMER_BLOCKS.ERRORS, JSONB.valueOf(Json.write(errors)))
                .set(CONSUMER_BLOCKS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONSUMER_BLOCKS.ID.eq(block.id())).execute();
        if (parked) {
            audit(sql, block.id(), block.consumer(), "parked", "drainer", error, head.eventId());
        }
    }

    static void resolve(DSLContext sql, ConsumerBlock block) {
        sql.deleteFrom(CONSUMER_BLOCKS).where(CONSUMER_BLOCKS.ID.eq(block.id())).execute();
        audit(sql, block.id(), block.consumer(), "resolved", "drainer", null, block.headEventId());
    }

    /** Puts a block back to retrying now with attempts reset; the caller audits why. */
    static void rearm(DSLContext sql, UUID id) {
        sql.update(CONSUMER_BLOCKS)
                .set(CONSUMER_BLOCKS.STATE, ConsumerBlock.RETRYING)
                .set(CONSUMER_BLOCKS.ATTEMPTS, 0)
                .set(CONSUMER_BLOCKS.NEXT_ATTEMPT_AT, DSL.currentOffsetDateTime())
                .set(CONSUMER_BLOCKS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONSUMER_BLOCKS.ID.eq(id)).execute();
    }

    static Optional<ConsumerBlock> find(DSLContext sql, UUID id, boolean lock) {
        var query = sql.selectFrom(CONSUMER_BLOCKS).where(CONSUMER_BLOCKS.ID.eq(id));
        return (lock ? query.forUpdate() : query).fetchOptional(BlockStore::toBlock);
    }

    static List<ConsumerBlock> list(DSLContext sql, Optional<String> state, int limit) {
        return sql.selectFrom(CONSUMER_BLOCKS)
                .where(state.map(CONSUMER_BLOCKS.STATE::eq).orElse(DSL.trueCondition()))
                .orderBy(CONSUMER_BLOCKS.CREATED_AT, CONSUMER_BLOCKS.ID).limit(limit).fetch(BlockStore::toBlock);
    }

    static Map<String, Integer> countsByState(DSLContext sql) {
        Map<String, Integer> counts = new HashMap<>(Map.of(ConsumerBlock.RETRYING, 0, ConsumerBlock.PARKED, 0));
        sql.select(CONSUMER_BLOCKS.STATE, DSL.count()).from(CONSUMER_BLOCKS).groupBy(CONSUMER_BLOCKS.STATE)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    static void audit(DSLContext sql, UUID blockId, String consumer, String action, String actor, String reason,
                      UUID eventId) {
        sql.insertInto(CONSUMER_BLOCK_AUDIT)
                .set(CONSUMER_BLOCK_AUDIT.BLOCK_ID, blockId)
                .set(CONSUMER_BLOCK_AUDIT.CONSUMER, consumer)
                .set(CONSUMER_BLOCK_AUDIT.ACTION, action)
                .set(CONSUMER_BLOCK_AUDIT.ACTOR, actor)
                .set(CONSUMER_BLOCK_AUDIT.REASON, PiiScrubber.scrubText(reason))
                .set(CONSUMER_BLOCK_AUDIT.EVENT_ID, eventId)
                .execute();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode errorEntry(int attempt, DomainEvent event,
                                                                              String error) {
        return Json.object().put("attempt", attempt).put("at", Instant.now().toString())
                .put("event_id", event.eventId().toString()).put("seq", event.resourceSeq()).put("error", error);
    }

    private static ConsumerBlock toBlock(ConsumerBlocksRecord r) {
        return new ConsumerBlock(r.getId(), r.getConsumer(), r.getOrganizationId(),
                new ResourceRef(r.getResourceType(), r.getResourceId()), r.getHeadEventId(), r.getHeadSeq(),
                r.getState(), r.getAttempts(), r.getNextAttemptAt().toInstant(), r.getLastError(),
                Json.tree(r.getErrors().data()), r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant());
    }
}
