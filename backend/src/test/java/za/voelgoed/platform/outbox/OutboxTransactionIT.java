package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.InvalidEventException;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/** The outbox write path: one transaction for state and events, sequence per resource, nothing on rollback. */
class OutboxTransactionIT {

    static BackendNode node;
    static final Recorder everything = new Recorder();
    static Subscription firehose;

    @BeforeAll
    static void start() {
        node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA));
        firehose = node.pubsub().subscribeAll(100_000, everything);
    }

    @AfterAll
    static void stop() {
        firehose.close();
        node.close();
    }

    @BeforeEach
    void clean() {
        TestEnv.truncateAll();
    }

    @Test
    void committedEventIsStoredWithItsEnvelopeAndDispatched() {
        UUID org = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        UUID show = UUID.randomUUID();
        DomainEvent event = node.outbox().transact(new Actor(UUID.randomUUID(), "10.0.0.7", "test"),
                tx -> tx.emit(Widgets.CHANGED, org, widget, Widgets.change(show, 1)));

        List<List<Object>> rows = Db.rows("select event_type, organization_id, resource_type, resource_id, "
                + "resource_seq, actor_user_id, ip_address from domain_events where event_id = ?", event.eventId());
        assertThat(rows).containsExactly(List.of(Widgets.CHANGED, org, "widget", widget, 1L,
                event.actorUserId(), "10.0.0.7"));
        await().atMost(Duration.ofSeconds(10)).until(() -> everything.sawId(event.eventId()));
        // the subscriber may see the event before the dispatch pass commits
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count("select count(*) from outbox_pending p"
                + " join domain_events d on d.position = p.position where d.event_id = ?", event.eventId()) == 0);
    }

    @Test
    void eventsEmittedAsABatchContinueEachResourcesSequenceInTheOrderGiven() {
        UUID org = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, org, first, Widgets.change(UUID.randomUUID(), 1)));
        Actor buyer = new Actor(UUID.randomUUID(), "10.0.0.9", "buyer");
        List<DomainEvent> batch = node.outbox().transact(Actor.system(), tx -> tx.emitAll(List.of(
                new Transaction.Emission(buyer, Widgets.CHANGED, org, first, Widgets.change(UUID.randomUUID(), 2)),
                new Transaction.Emission(Actor.system(), Widgets.CHANGED, org, second, Widgets.change(UUID.randomUUID(), 1)),
                new Transaction.Emission(buyer, Widgets.CHANGED, org, first, Widgets.change(UUID.randomUUID(), 3)))));

        assertThat(batch).extracting(DomainEvent::resourceSeq).containsExactly(2L, 1L, 3L);
        assertThat(Db.rows("select resource_id, resource_seq, actor_user_id from domain_events where event_id = ?",
                batch.get(0).eventId())).containsExactly(List.of(first, 2L, buyer.userId()));
        assertThat(Db.count("select last_seq from resource_sequences where resource_id = ?", first)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> batch.stream().allMatch(e -> everything.sawId(e.eventId())));
    }

    @Test
    void aBatchsDocumentsAreStoredExactlyAndInTheOrderGivenWhateverTheirText() {
        UUID org = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        List<String> notes = List.of("quote \" and backslash \\", "{\"looks\": [\"like json\"]}", "comma, brace }",
                "line\nbreak\ttab", "emoji \uD83C\uDFAB and \u00E9\u00E8", "", "null");
        List<Transaction.Emission> emissions = new java.util.ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            emissions.add(new Transaction.Emission(Actor.system(), Widgets.CHANGED, org, widget,
                    Widgets.change(UUID.randomUUID(), i).put("note", notes.get(i))));
        }
        List<DomainEvent> batch = node.outbox().transact(Actor.system(), tx -> tx.emitAll(emissions));

        List<List<Object>> stored = Db.rows("select event_id, persisted_change::text from domain_events"
                + " where resource_id = ? order by position", widget);
        assertThat(stored).hasSize(notes.size());
        for (int i = 0; i < notes.size(); i++) {
            assertThat(stored.get(i).get(0)).as("position order is emission order").isEqualTo(batch.get(i).eventId());
            assertThat(za.voelgoed.shared.json.Json.tree(stored.get(i).get(1).toString()))
                    .isEqualTo(batch.get(i).persistedChange());
            assertThat(batch.get(i).persistedChange().path("note").asText()).isEqualTo(notes.get(i));
        }
    }

    @Test
    void failureAfterWritingLeavesNoRowAndPublishesNothing() {
        UUID org = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        List<UUID> attempted = new ArrayList<>();
        assertThatThrownBy(() -> node.outbox().transact(Actor.system(), tx -> {
            attempted.add(tx.emit(Widgets.CHANGED, org, widget, Widgets.change(UUID.randomUUID(), 1)).eventId());
            attempted.add(tx.emit(Widgets.CHANGED, org, widget, Widgets.change(UUID.randomUUID(), 2)).eventId());
            throw new IllegalStateException("forced failure inside the transaction");
        })).hasMessage("forced failure inside the transaction");

        // a later committed event of the same resource proves the dispatcher ran past the failed one
        DomainEvent marker = node.outbox().transact(Actor.system(),
                tx -> tx.emit(Widgets.CHANGED, org, widget, Widgets.change(UUID.randomUUID(), 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> everything.sawId(marker.eventId()));

        assertThat(Db.count("select count(*) from domain_events where resource_id = ?", widget)).isEqualTo(1);
        assertThat(marker.resourceSeq()).isEqualTo(1);
        assertThat(everything.messages()).noneMatch(m -> attempted.contains(m.id()));
    }

    @Test
    void invalidEventRollsBackTheStateChangeWithIt() {
        UUID org = UUID.randomUUID();
        assertThatThrownBy(() -> node.outbox().transact(Actor.system(), tx -> {
            tx.sql().execute("insert into organizations (id, name, slug) values (?, 'Rolled back', 'rolled-back')", org);
            return tx.emit(Widgets.CHANGED, org, UUID.randomUUID(),
                    za.voelgoed.shared.json.Json.object().put("n", "not a number"));
        })).isInstanceOf(InvalidEventException.class).hasMessageContaining("required field 'event_id' is missing")
                .hasMessageContaining("field 'n' must be INTEGER");
        assertThat(Db.count("select count(*) from organizations where id = ?", org)).isZero();
        assertThat(Db.count("select count(*) from domain_events")).isZero();
    }

    @Test
    void unknownEventTypeIsRefused() {
        assertThatThrownBy(() -> node.outbox().transact(Actor.system(), tx -> tx.emit("widget.exploded.v1",
                UUID.randomUUID(), UUID.randomUUID(), Widgets.change(UUID.randomUUID(), 1))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown event type widget.exploded.v1");
        assertThat(Db.count("select count(*) from domain_events")).isZero();
    }

    @Test
    void concurrentActionsOnOneResourceGetGaplessSequenceInCommitOrder() throws Exception {
        UUID org = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> seqs.add(node.outbox().transact(Actor.system(),
                        tx -> tx.emit(Widgets.CHANGED, org, widget, Widgets.change(UUID.randomUUID(), n)))
                        .resourceSeq())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(Set.copyOf(seqs)).hasSize(200);
        assertThat(seqs).allMatch(s -> s >= 1 && s <= 200);
        List<Long> bySeqInPositionOrder = Db.rows("select resource_seq from domain_events where resource_id = ? "
                + "order by position", widget).stream().map(r -> (Long) r.get(0)).toList();
        assertThat(bySeqInPositionOrder).isSorted().hasSize(200);
        assertThat(Db.single("select last_seq from resource_sequences where resource_id = ?", widget)).isEqualTo(200L);
    }

    @Test
    void twoEventsInOneActionShareTheTransactionAndTakeConsecutiveSeqs() {
        UUID org = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        List<DomainEvent> events = node.outbox().transact(Actor.system(), tx -> List.of(
                tx.emit(Widgets.CHANGED, org, widget, Widgets.change(UUID.randomUUID(), 1)),
                tx.emit(Widgets.CHANGED, org, widget, Widgets.change(UUID.randomUUID(), 2))));
        assertThat(events).extracting(DomainEvent::resourceSeq).containsExactly(1L, 2L);
    }
}
