package za.voelgoed.platform.outbox;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;

/**
 * Retries blocked consumers. For a due block it takes the resource's dispatch lock, then runs the
 * consumer on every event of that resource from the head on that it has no receipt for, in sequence
 * order — dispatched or not yet — so nothing the block held back is lost. Success deletes the block;
 * failure moves the head, backs off, and parks the block after the maximum attempts.
 */
public final class BlockDrainer {

    private static final System.Logger LOG = System.getLogger(BlockDrainer.class.getName());

    private final DSLContext dsl;
    private final ConsumerRegistry consumers;
    private final ConsumerInvoker invoker;
    private final OutboxTelemetry telemetry;
    private final Backoff backoff;
    private final Clock clock;
    private final int maxAttempts;

    public BlockDrainer(DSLContext dsl, ConsumerRegistry consumers, Outbox outbox, OutboxTelemetry telemetry,
                        Backoff backoff, Clock clock, int maxAttempts) {
        this.dsl = dsl;
        this.consumers = consumers;
        this.invoker = new ConsumerInvoker(outbox.types(), telemetry);
        this.telemetry = telemetry;
        this.backoff = backoff;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Retries every block that is due; returns how many were cleared. */
    public int drainOnce() {
        int cleared = 0;
        for (UUID id : BlockStore.dueIds(dsl, 50)) {
            if (dsl.transactionResult(cfg -> retry(cfg.dsl(), id))) {
                cleared++;
            }
        }
        return cleared;
    }

    private boolean retry(DSLContext sql, UUID id) {
        Optional<ConsumerBlock> claimed = BlockStore.claimDue(sql, id);
        if (claimed.isEmpty() || !OutboxStore.tryLock(sql, claimed.get().resource())) {
            return false;
        }
        ConsumerBlock block = claimed.get();
        Optional<ConsumerSpec> consumer = consumers.find(block.consumer());
        if (consumer.isEmpty()) {
            return false;
        }
        List<DomainEvent> backlog = OutboxStore.eventsOf(sql, block.resource(), block.headSeq()).stream()
                .filter(e -> consumer.get().versions().containsKey(e.typeName().name())).toList();
        Set<OutboxStore.Receipt> done = OutboxStore.receipts(sql, OutboxStore.ids(backlog));
        List<OutboxStore.Receipt> fresh = new ArrayList<>();
        for (DomainEvent event : backlog) {
            OutboxStore.Receipt receipt = new OutboxStore.Receipt(block.consumer(), event.eventId());
            if (done.contains(receipt)) {
                continue;
            }
            Optional<Throwable> failure = invoker.invoke(sql, consumer.get(), event);
            if (failure.isPresent()) {
                OutboxStore.insertReceipts(sql, fresh);
                fail(sql, block, event, failure.get());
                return false;
            }
            fresh.add(receipt);
        }
        OutboxStore.insertReceipts(sql, fresh);
        BlockStore.resolve(sql, block);
        LOG.log(Level.INFO, "consumer_block_resolved consumer={0} resource={1}:{2} applied={3}",
                block.consumer(), block.resource().type(), block.resource().id(), fresh.size());
        return true;
    }

    private void fail(DSLContext sql, ConsumerBlock block, DomainEvent event, Throwable failure) {
        int attempts = event.eventId().equals(block.headEventId()) ? block.attempts() + 1 : 1;
        boolean parked = attempts >= maxAttempts;
        Instant next = clock.instant().plus(backoff.delay(attempts, ThreadLocalRandom.current()));
        String error = OutboxDispatcher.describe(failure);
        BlockStore.recordFailure(sql, block, event, attempts, error, next, parked);
        telemetry.consumerBlocked(block.consumer(), event.eventType(), parked);
        LOG.log(parked ? Level.ERROR : Level.WARNING,
                "consumer_retry_failed consumer={0} resource={1}:{2} seq={3} attempts={4} parked={5} error=\"{6}\"",
                block.consumer(), block.resource().type(), block.resource().id(), event.resourceSeq(), attempts,
                parked, error);
    }
}
