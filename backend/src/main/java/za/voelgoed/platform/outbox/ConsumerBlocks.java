package za.voelgoed.platform.outbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What an operator can do with consumer blocks: look, replay (retry now with attempts reset) or skip
 * the head event (record it as handled without running the consumer). Every action leaves an audit row.
 */
public final class ConsumerBlocks {

    private final DSLContext dsl;

    public ConsumerBlocks(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ConsumerBlock> list(Optional<String> state, int limit) {
        return BlockStore.list(dsl, state, limit);
    }

    public Optional<ConsumerBlock> find(UUID id) {
        return BlockStore.find(dsl, id, false);
    }

    public Optional<ConsumerBlock> replay(UUID id, String actor, String reason) {
        return dsl.transactionResult(cfg -> BlockStore.find(cfg.dsl(), id, true).map(block -> {
            BlockStore.rearm(cfg.dsl(), id);
            BlockStore.audit(cfg.dsl(), id, block.consumer(), "replayed", actor, reason, block.headEventId());
            return BlockStore.find(cfg.dsl(), id, false).orElseThrow();
        }));
    }

    public Optional<ConsumerBlock> skipHead(UUID id, String actor, String reason) {
        return dsl.transactionResult(cfg -> BlockStore.find(cfg.dsl(), id, true).map(block -> {
            OutboxStore.insertReceipts(cfg.dsl(), List.of(new OutboxStore.Receipt(block.consumer(), block.headEventId())));
            BlockStore.rearm(cfg.dsl(), id);
            BlockStore.audit(cfg.dsl(), id, block.consumer(), "skipped", actor, reason, block.headEventId());
            return BlockStore.find(cfg.dsl(), id, false).orElseThrow();
        }));
    }

    public java.util.Map<String, Integer> countsByState() {
        return BlockStore.countsByState(dsl);
    }

    public long pendingEvents() {
        return OutboxStore.pendingCount(dsl);
    }
}
