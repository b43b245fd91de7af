package za.voelgoed.platform.outbox;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import za.voelgoed.shared.event.DomainEvent;

/**
 * Hands committed outbox rows to the in-process consumers and to PubSub, having taken them off
 * {@code outbox_pending} — all in one PostgreSQL transaction that holds each claimed resource's advisory
 * lock. Hence:
 * <ul>
 *   <li>per-resource order holds across nodes: a resource is dispatched by one node at a time, and a row
 *       another node dispatched meanwhile is skipped (the claim's delete finds its pending row gone once
 *       the lock is held);</li>
 *   <li>a dispatcher killed after publishing but before committing leaves its rows pending, so they are
 *       dispatched again (at-least-once); receipts make the consumers' second pass a no-op;</li>
 *   <li>a consumer that fails opens a {@link ConsumerBlock}: later events of that resource skip that
 *       consumer (never the others) until the {@link BlockDrainer} clears it;</li>
 *   <li>each event gets an offset in its organisation's dispatch order ({@link DispatchLog}), rising in the
 *       order events are published: a pass waits for the organisations' order locks in the claim and holds
 *       them until its commit. An offset is never reused: a pass that does not commit burns its offsets, and
 *       its events get new ones when dispatched again.</li>
 * </ul>
 */
public final class OutboxDispatcher {

    private static final System.Logger LOG = System.getLogger(OutboxDispatcher.class.getName());

    private final DSLContext dsl;
    private final ConsumerRegistry consumers;
    private final ConsumerInvoker invoker;
    private final EventPublisher publisher;
    private final OutboxTelemetry telemetry;
    private final Backoff backoff;
    private final Clock clock;
    private final int batchSize;

    public OutboxDispatcher(DSLContext dsl, ConsumerRegistry consumers, Outbox outbox, EventPublisher publisher,
                            OutboxTelemetry telemetry, Backoff backoff, Clock clock, int batchSize) {
        this.dsl = dsl;
        this.consumers = consumers;
        this.invoker = new ConsumerInvoker(outbox.types(), telemetry);
        this.publisher = publisher;
        this.telemetry = telemetry;
        this.backoff = backoff;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** One pass over every pending resource (a single dispatch loop); returns how many events it dispatched. */
    public int dispatchOnce() {
        return dispatchOnce(0, 1);
    }

    /**
     * One pass: claims up to a batch of pending events and dispatches them; returns how many. The loops of
     * a node split the resources by lock key ({@code loop} of {@code loops}), so they never pick the same
     * ones; nodes split them through the advisory locks.
     */
    public int dispatchOnce(int loop, int loops) {
        return dsl.transactionResult(cfg -> {
            DSLContext sql = cfg.dsl();
            // the claim also turns off synchronous_commit for this transaction: losing its commit in a
            // PostgreSQL crash only means dispatching the rows again (consumers' writes are lost with it)
            List<OutboxStore.Claimed> claimed = OutboxStore.claimPending(sql, batchSize * 4, batchSize, batchSize,
                    loop, loops);
            if (claimed.isEmpty()) {
                return 0;
            }
            List<DomainEvent> events = claimed.stream().map(OutboxStore.Claimed::event).toList();
            deliverToConsumers(sql, resourcesOf(events), events);
            // numbered last: the pass holds its organisations' order locks from the claim to the commit, which
            // is after the publish, so offsets rise in publish order
            publisher.publish(DispatchLog.assign(sql, claimed));
            return events.size();
        });
    }

    private static List<ResourceRef> resourcesOf(List<DomainEvent> events) {
        return events.stream().map(e -> new ResourceRef(e.resourceType(), e.resourceId())).distinct().toList();
    }

    private void deliverToConsumers(DSLContext sql, List<ResourceRef> resources, List<DomainEvent> events) {
        if (events.stream().allMatch(e -> consumers.consumersOf(e.typeName().name()).isEmpty())) {
            return;
        }
        Map<ConsumerBlock.Key, ConsumerBlock> blocks = BlockStore.activeFor(sql, resources);
        Set<OutboxStore.Receipt> done = OutboxStore.receipts(sql, OutboxStore.ids(events));
        Set<ConsumerBlock.Key> blocked = new HashSet<>(blocks.keySet());
        List<OutboxStore.Receipt> fresh = new ArrayList<>();
        for (DomainEvent event : events) {
            ResourceRef resource = new ResourceRef(event.resourceType(), event.resourceId());
            for (ConsumerSpec consumer : consumers.consumersOf(event.typeName().name())) {
                ConsumerBlock.Key key = new ConsumerBlock.Key(consumer.name(), resource);
                OutboxStore.Receipt receipt = new OutboxStore.Receipt(consumer.name(), event.eventId());
                if (blocked.contains(key) || done.contains(receipt)) {
                    continue;
                }
                Optional<Throwable> failure = invoker.invoke(sql, consumer, event);
                if (failure.isEmpty()) {
                    fresh.add(receipt);
                } else {
                    block(sql, consumer, event, failure.get());
                    blocked.add(key);
                }
            }
        }
        OutboxStore.insertReceipts(sql, fresh);
    }

    private void block(DSLContext sql, ConsumerSpec consumer, DomainEvent event, Throwable failure) {
        String error = describe(failure);
        var next = clock.instant().plus(backoff.delay(1, ThreadLocalRandom.current()));
        BlockStore.open(sql, consumer.name(), event, error, next);
        telemetry.consumerBlocked(consumer.name(), event.eventType(), false);
        LOG.log(Level.WARNING, "consumer_blocked consumer={0} event_type={1} resource={2}:{3} seq={4} error=\"{5}\"",
                consumer.name(), event.eventType(), event.resourceType(), event.resourceId(), event.resourceSeq(),
                error);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String text = failure.getClass().getSimpleName() + message;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
