package za.voelgoed.platform.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;

/** PubSub on its own: topic filtering, bounded queues that drop instead of blocking, Redis fan-out. */
class PubSubIT {

    static Redis redis;
    static PubSub nodeA;
    static PubSub nodeB;
    static final CountingTelemetry telemetry = new CountingTelemetry();

    @BeforeAll
    static void start() {
        TestEnv.prepare();
        redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX + "pubsub-it:");
        nodeA = new PubSub(redis, "a", telemetry, 64).start();
        nodeB = new PubSub(redis, "b", telemetry, 64).start();
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        redis.close();
    }

    @Test
    void subscriberReceivesOnlyItsTopicsOnEveryNodeOnce() {
        UUID org = UUID.randomUUID();
        Topic mine = Topic.of(TopicFamily.TICKETING_ORG, org);
        Topic other = Topic.of(TopicFamily.TICKETING_ORG, UUID.randomUUID());
        Recorder onA = new Recorder();
        Recorder onB = new Recorder();
        Subscription a = nodeA.subscribe(onA).add(mine);
        Subscription b = nodeB.subscribe(onB).add(mine).add(Topic.of(TopicFamily.TICKETING_EVENT, org));

        nodeA.publish(List.of(routed(Set.of(other), org, 1), routed(Set.of(mine, Topic.of(TopicFamily.TICKETING_EVENT,
                org)), org, 2)));

        await().atMost(Duration.ofSeconds(5)).until(() -> onA.size() == 1 && onB.size() == 1);
        assertThat(onA.messages().get(0).seq()).isEqualTo(2);
        assertThat(onB.messages().get(0).seq()).as("matched two topics, delivered once").isEqualTo(2);
        a.close();
        b.close();
    }

    @Test
    void fullQueueDropsAndCountsWithoutBlockingOthers() throws Exception {
        UUID org = UUID.randomUUID();
        Topic topic = Topic.of(TopicFamily.SCANNING_ORG, org);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger slowHandled = new java.util.concurrent.atomic.AtomicInteger();
        Subscription slow = nodeA.subscribe(2, (t, m) -> {
            slowHandled.incrementAndGet();
            hold(release);
        }).add(topic);
        Recorder fast = new Recorder();
        Subscription quick = nodeA.subscribe(1000, fast).add(topic);
        long droppedBefore = telemetry.dropped;

        // the slow one's handler gets stuck on the first message, and the second waits in its queue
        nodeA.publish(List.of(routed(Set.of(topic), org, 1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> slowHandled.get() == 1);
        nodeA.publish(List.of(routed(Set.of(topic), org, 2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.size() == 2);
        for (int i = 3; i <= 200; i++) {
            nodeA.publish(List.of(routed(Set.of(topic), org, i)));
        }

        // the quick one gets everything; the busy one has room for two at most and drops (and counts) the rest
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.size() == 200);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> slowHandled.get() + slow.dropped() == 200);
        assertThat(slow.dropped()).isGreaterThanOrEqualTo(200 - 2 - 2);
        assertThat(telemetry.dropped - droppedBefore).isEqualTo(slow.dropped());
        slow.close();
        quick.close();
    }

    @Test
    void aBurstLargerThanTheQueueReachesASubscriberWithNothingWaiting() {
        UUID org = UUID.randomUUID();
        Topic topic = Topic.of(TopicFamily.SCANNING_ORG, org);
        Recorder idle = new Recorder();
        Subscription s = nodeA.subscribe(2, idle).add(topic);
        List<Routed> burst = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            burst.add(routed(Set.of(topic), org, i));
        }

        nodeA.publish(burst);

        await().atMost(Duration.ofSeconds(5)).until(() -> idle.size() == 50);
        assertThat(s.dropped()).isZero();
        s.close();
    }

    @Test
    void closedSubscriptionReceivesNothingAndLeavesTheIndex() {
        Topic topic = Topic.of(TopicFamily.AUDIT_ORG, UUID.randomUUID());
        Recorder r = new Recorder();
        Subscription s = nodeA.subscribe(r).add(topic);
        assertThat(nodeA.subscriberCount(topic)).isEqualTo(1);
        s.close();
        assertThat(nodeA.subscriberCount(topic)).isZero();
        nodeA.publish(List.of(routed(Set.of(topic), UUID.randomUUID(), 1)));
        assertThat(r.size()).isZero();
    }

    @Test
    void batchesArrivingWithinTheLingerReachASubscriberAsOneDelivery() {
        UUID org = UUID.randomUUID();
        Topic topic = Topic.of(TopicFamily.EVENTS_ORG, org);
        List<List<Long>> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PubSub lingering = new PubSub(redis, "lingering", telemetry, 64, 500, Backfill.NONE).start()) {
            Subscription s = lingering.subscribe(new MessageHandler() {
                @Override
                public void onMessage(Topic t, EventMessage message) {
                    deliveries.add(List.of(message.seq()));
                }

                @Override
                public void onMessages(List<Routed.Match> matches) {
                    deliveries.add(matches.stream().map(m -> m.message().seq()).toList());
                }
            }).add(topic);

            nodeA.publish(List.of(routed(Set.of(topic), org, 1), routed(Set.of(topic), org, 2)));
            nodeB.publish(List.of(routed(Set.of(topic), org, 3)));

            await().atMost(Duration.ofSeconds(5)).until(() -> !deliveries.isEmpty());
            nodeA.publish(List.of(routed(Set.of(topic), org, 4)));
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() >= 2);
            assertThat(deliveries).containsExactly(List.of(1L, 2L, 3L), List.of(4L));
            s.close();
        }
    }

    @Test
    void malformedCrossNodePayloadIsIgnored() {
        UUID org = UUID.randomUUID();
        Topic topic = Topic.of(TopicFamily.EVENTS_ORG, org);
        Recorder onB = new Recorder();
        Subscription b = nodeB.subscribe(onB).add(topic);
        redis.client().publish(redis.key("pubsub:system-events"), "{not json");
        redis.client().publish(redis.key("pubsub:system-events"), "{\"origin\":\"x\",\"messages\":[{\"topics\":[\"bad\"]}]}");
        nodeA.publish(List.of(routed(Set.of(topic), org, 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> onB.size() == 1);
        assertThat(onB.messages().get(0).orgId()).isEqualTo(org);
        b.close();
    }

    private static Routed routed(Set<Topic> topics, UUID org, long seq) {
        return new Routed(topics, new EventMessage("widget.changed.v1", org, null, UUID.randomUUID(), seq, "widget",
                org, Json.object().put("n", seq), Instant.now()));
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class CountingTelemetry implements PubSubTelemetry {
        volatile long dropped;

        @Override
        public synchronized void dropped(UUID organizationId, String reason) {
            dropped++;
        }

        @Override
        public void delivered(UUID organizationId, String eventType, Duration commitToDelivery) {
        }
    }
}
