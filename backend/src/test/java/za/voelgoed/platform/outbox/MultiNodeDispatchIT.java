package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.EffectsTable;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * Two backend nodes on one PostgreSQL and Redis, both dispatching: per-resource order and exactly-once
 * consumer effects hold, and subscribers on either node see every resource's events in order, once.
 */
class MultiNodeDispatchIT {

    static final int RESOURCES = 20;
    static final int EVENTS_EACH = 50;

    static BackendNode nodeA;
    static BackendNode nodeB;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        EffectsTable.create();
        nodeA = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "node-a",
                "VOELGOED_OUTBOX_BATCH_SIZE", "40")), extensions("node-a"));
        nodeB = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "node-b",
                "VOELGOED_OUTBOX_BATCH_SIZE", "40")), extensions("node-b"));
    }

    static Extensions extensions(String node) {
        return Extensions.none().withSchema(Widgets.SCHEMA)
                .withConsumer(EffectsTable.consumer("test.recorder", node, "widget.changed"));
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void concurrentCommitsOnTwoNodesReachEverySubscriberInSeqOrderOnce() throws Exception {
        UUID org = UUID.randomUUID();
        List<UUID> shows = new ArrayList<>();
        for (int i = 0; i < RESOURCES; i++) {
            shows.add(UUID.randomUUID());
        }
        Recorder onA = new Recorder();
        Recorder onB = new Recorder();
        Subscription subA = subscribe(nodeA, shows, onA);
        Subscription subB = subscribe(nodeB, shows, onB);

        commitConcurrently(org, shows);

        int total = RESOURCES * EVENTS_EACH;
        await().atMost(Duration.ofSeconds(60)).until(() -> onA.size() >= total && onB.size() >= total);
        assertInSeqOrderOnce(onA.messages());
        assertInSeqOrderOnce(onB.messages());
        assertConsumerAppliedEachOnceInOrder(total);
        assertThat(Db.count("select count(*) from outbox_pending")).isZero();
        subA.close();
        subB.close();
    }

    private static Subscription subscribe(BackendNode node, List<UUID> shows, Recorder recorder) {
        Subscription sub = node.pubsub().subscribe(10_000, recorder);
        shows.forEach(show -> sub.add(Topic.of(TopicFamily.EVENTS_EVENT, show)));
        return sub;
    }

    /** One thread per resource, alternating nodes, all resources interleaved in time. */
    private static void commitConcurrently(UUID org, List<UUID> shows) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(RESOURCES)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < RESOURCES; r++) {
                UUID widget = UUID.randomUUID();
                UUID show = shows.get(r);
                BackendNode writer = r % 2 == 0 ? nodeA : nodeB;
                futures.add(pool.submit(() -> {
                    for (int n = 1; n <= EVENTS_EACH; n++) {
                        int value = n;
                        writer.outbox().transact(Actor.system(),
                                tx -> tx.emit(Widgets.CHANGED, org, widget, Widgets.change(show, value)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private static void assertInSeqOrderOnce(List<EventMessage> messages) {
        Map<UUID, List<Long>> seqsByResource = new HashMap<>();
        for (EventMessage m : messages) {
            seqsByResource.computeIfAbsent(m.resourceId(), k -> new ArrayList<>()).add(m.seq());
        }
        assertThat(seqsByResource).hasSize(RESOURCES);
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, EVENTS_EACH).boxed().toList();
        seqsByResource.values().forEach(seqs -> assertThat(seqs).containsExactlyElementsOf(expected));
    }

    private static void assertConsumerAppliedEachOnceInOrder(int total) {
        assertThat(Db.count("select count(*) from test_effects")).isEqualTo(total);
        assertThat(Db.count("select count(distinct event_id) from test_effects")).isEqualTo(total);
        assertThat(Db.count("select count(*) from consumer_receipts where consumer = 'test.recorder'"))
                .isEqualTo(total);
        // effects were written in seq order per resource, whichever node wrote them
        assertThat(Db.count("select count(*) from (select seq, lag(seq) over (partition by resource_id order by id) "
                + "as prev from test_effects) t where prev is not null and seq <> prev + 1")).isZero();
        assertThat(Db.count("select count(distinct node) from test_effects")).isEqualTo(2);
    }
}
