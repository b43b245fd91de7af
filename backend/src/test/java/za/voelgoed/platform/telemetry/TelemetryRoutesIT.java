package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.jobs.ArgsShape;
import za.voelgoed.platform.jobs.JobContext;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.platform.jobs.QueueKind;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.client.TopicStream;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/**
 * An organisation's telemetry over real HTTP and WebSocket on two nodes sharing PostgreSQL and Redis: the
 * figures move with real activity and are summed over the nodes; viewers read them and other organisations
 * do not; the live feed comes at most once a second, only while someone follows it.
 */
class TelemetryRoutesIT {

    static BackendNode nodeA;
    static BackendNode nodeB;
    static Api admin;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        Extensions workers = Extensions.none().withWorker(new Failing()).withWorker(new Parked());
        // two sockets per token, across nodes: a third is refused, which the gateway counts as a drop
        nodeA = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "telemetry-a",
                "VOELGOED_JOBS_POLL_INTERVAL_MS", "200", "VOELGOED_JOBS_BACKOFF_MS", "10",
                "VOELGOED_LIMIT_SOCKETS_PER_TOKEN", "2")), workers);
        nodeB = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "telemetry-b",
                "VOELGOED_JOBS_POLL_INTERVAL_MS", "200", "VOELGOED_JOBS_BACKOFF_MS", "10",
                "VOELGOED_LIMIT_SOCKETS_PER_TOKEN", "2")), workers);
        admin = new Api(nodeA.port(), nodeA.adminToken());
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    private record Tenant(UUID org, Api staffA, Api staffB, Api viewerB, String staffToken) {
    }

    private static Tenant tenant(String name) {
        UUID org = admin.createOrg(name);
        String staff = admin.createToken(org, "staff");
        return new Tenant(org, new Api(nodeA.port(), staff), new Api(nodeB.port(), staff),
                new Api(nodeB.port(), admin.createToken(org, "viewer")), staff);
    }

    private static String telemetry(UUID org) {
        return "/api/orgs/" + org + "/telemetry";
    }

    private static void createShow(Api api, UUID org, String name) {
        assertThat(api.post("/api/orgs/" + org + "/events", "{\"name\":\"" + name
                + "\",\"starts_at\":\"2027-03-01T19:00:00+02:00\"}").status()).isEqualTo(201);
    }

    @Test
    void theFiguresMoveWithRealActivityAndAreSummedOverBothNodes() {
        Tenant t = tenant("Telemetry");
        // other nodes of this JVM (earlier test classes) may still count for up to three seconds
        JsonNode before = awaitBody(t.viewerB(), t.org(), b -> b.path("nodes").asInt() >= 2);
        assertThat(before.path("organization_id").asText()).isEqualTo(t.org().toString());
        assertThat(before.path("websocket_connections").asLong()).isZero();
        assertThat(before.path("dlq_depth").asLong()).isZero();
        assertThat(before.path("job_backlog").properties()).extracting(Map.Entry::getKey)
                .containsExactly("payments", "notifications", "scanning", "reporting", "integrations");
        assertThat(before.path("paused_queues")).isEmpty();
        assertThat(before.path("push_latency_ms").path("samples").asLong()).isZero();

        try (WsProbe onA = new WsProbe(nodeA.port(), t.staffToken());
             WsProbe onB = new WsProbe(nodeB.port(), t.staffToken())) {
            assertThat(onA.subscribe("events:org:" + t.org())).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(onB.subscribe("events:org:" + t.org())).isInstanceOf(ServerFrame.Subscribed.class);
            for (int i = 0; i < 3; i++) {
                createShow(t.staffA(), t.org(), "On A " + i);
            }
            for (int i = 0; i < 2; i++) {
                createShow(t.staffB(), t.org(), "On B " + i);
            }
            assertThat(t.staffA().post("/api/orgs/" + t.org() + "/queues/payments/pause", "{}").status())
                    .isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                nodeA.jobs().enqueue(JobRequest.of(Parked.NAME, t.org(), Json.object()));
            }
            nodeB.jobs().enqueue(JobRequest.of(Failing.NAME, t.org(), Json.object()));

            // five event.created in ten seconds, three counted on A and two on B: 0.5 only when both are summed;
            // each node shares its pushes' latencies in its own time, so the sum is awaited too (5 events × 2 sockets)
            JsonNode after = awaitBody(t.viewerB(), t.org(), b ->
                    b.path("events_per_second").path("event.created").asDouble() == 0.5
                            && b.path("websocket_connections").asLong() == 2
                            && b.path("job_backlog").path("payments").asLong() == 3
                            && b.path("dlq_depth").asLong() == 1
                            && b.path("push_latency_ms").path("samples").asLong() >= 10);
            assertThat(after.path("nodes").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(after.path("events_per_second_total").asDouble()).isGreaterThanOrEqualTo(0.5);
            assertThat(after.path("push_latency_ms").path("samples").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(after.path("push_latency_ms").path("p99").asDouble())
                    .isGreaterThanOrEqualTo(after.path("push_latency_ms").path("p50").asDouble()).isPositive();
            assertThat(after.path("paused_queues")).extracting(JsonNode::asText).containsExactly("payments");
            assertThat(after.path("inventory_drift").asLong()).isZero();
            assertThat(after.path("dropped_messages").asLong()).isZero();
        }
        awaitBody(t.viewerB(), t.org(), b -> b.path("websocket_connections").asLong() == 0);
    }

    @Test
    void dropsOfEveryNodeAddUp() throws Exception {
        Tenant t = tenant("Drops");
        try (WsProbe first = new WsProbe(nodeA.port(), t.staffToken());
             WsProbe second = new WsProbe(nodeB.port(), t.staffToken())) {
            first.await(ServerFrame.Welcome.class, w -> true);
            second.await(ServerFrame.Welcome.class, w -> true);
            for (BackendNode node : List.of(nodeA, nodeB)) {
                try (WsProbe refused = new WsProbe(node.port(), t.staffToken())) {
                    assertThat(refused.client().closed().get(5, java.util.concurrent.TimeUnit.SECONDS))
                            .isEqualTo(za.voelgoed.platform.gateway.CloseCodes.RATE_LIMITED);
                }
            }
            JsonNode body = awaitBody(t.viewerB(), t.org(), b -> b.path("dropped_messages").asLong() == 2);
            assertThat(body.path("websocket_connections").asLong()).isEqualTo(2);
        }
    }

    @Test
    void inventoryDriftIsTheDriftCheckersLastResultWhicheverNodeRanIt() {
        Tenant t = tenant("Drift");
        Api.Response created = t.staffA().post("/api/orgs/" + t.org() + "/events", """
                {"name": "Drifting", "starts_at": "2027-03-01T19:00:00+02:00",
                 "seating": {"sections": [{"name": "Floor", "rows": [{"label": "A", "seats": 6, "category": "front"}]}],
                             "categories": [{"code": "front", "price_cents": 45000}]}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String show = "/api/orgs/" + t.org() + "/events/" + created.json().path("id").asText();
        assertThat(t.staffA().post(show + "/publish", "{}").status()).isEqualTo(200);
        assertThat(t.staffA().get(show + "/availability").status()).isEqualTo(200);
        // Redis says two free seats are taken: what a lost write or a stray script would leave behind
        String taken = nodeA.redis().key("seating:{evt:" + created.json().path("id").asText() + "}:taken");
        nodeA.redis().client().setbit(taken, 2, true);
        nodeA.redis().client().setbit(taken, 4, true);

        Api.Response checked = t.staffB().post(show + "/inventory/drift", "{}");
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.json().path("seats").asInt()).isEqualTo(2);
        assertThat(t.viewerB().get(telemetry(t.org())).json().path("inventory_drift").asLong()).isEqualTo(2);

        assertThat(t.staffA().post(show + "/inventory/drift", "{}").json().path("seats").asInt()).as("repaired")
                .isZero();
        assertThat(t.viewerB().get(telemetry(t.org())).json().path("inventory_drift").asLong()).isZero();
    }

    @Test
    void everyRoleOfTheOrganisationMayReadAndNoOtherOrganisation() {
        Tenant mine = tenant("Mine");
        Tenant theirs = tenant("Theirs");

        Api.Response asViewer = mine.viewerB().get(telemetry(mine.org()));
        assertThat(asViewer.status()).isEqualTo(200);
        assertThat(asViewer.json().path("organization_id").asText()).isEqualTo(mine.org().toString());
        assertThat(theirs.staffA().get(telemetry(mine.org())).problem(404).path("code").asText())
                .isEqualTo("org_not_found");
        assertThat(new Api(nodeA.port(), null).get(telemetry(mine.org())).status()).isEqualTo(401);
        try (WsProbe foreign = new WsProbe(nodeA.port(), theirs.staffToken())) {
            assertThat(foreign.subscribe("analytics:org:" + mine.org())).isInstanceOf(ServerFrame.Error.class);
        }
    }

    @Test
    void theFeedComesAtMostOnceASecondOnlyWhileSomeoneFollowsIt() throws InterruptedException {
        Tenant t = tenant("Feed");
        String topic = "analytics:org:" + t.org();
        AtomicInteger published = new AtomicInteger();
        try (Subscription everything = nodeA.pubsub().subscribeAll(1024, (matched, m) -> {
            if (m.event().equals(EventTypes.TELEMETRY_SNAPSHOT_V1) && m.orgId().equals(t.org())) {
                published.incrementAndGet();
            }
        })) {
            Thread.sleep(1_500);
            assertThat(published.get()).as("nobody follows the topic yet").isZero();

            try (WsProbe onA = new WsProbe(nodeA.port(), t.staffToken());
                 WsProbe onB = new WsProbe(nodeB.port(), t.staffToken())) {
                assertThat(onA.subscribe(topic)).isInstanceOf(ServerFrame.Subscribed.class);
                assertThat(onB.subscribe(topic)).isInstanceOf(ServerFrame.Subscribed.class);
                EventMessage first = onA.await(ServerFrame.Event.class, e -> isSnapshot(e.message())).message();
                assertThat(first.resourceType()).isEqualTo("telemetry");
                assertThat(first.resourceId()).isEqualTo(t.org());
                assertThat(first.seq()).isEqualTo(first.timestamp().getEpochSecond());
                assertThat(first.data().path("organization_id").asText()).isEqualTo(t.org().toString());
                assertThat(first.data().path("websocket_connections").isIntegralNumber()).isTrue();

                // both nodes have a follower and compete every 200 ms: the lease lets one snapshot out per second
                int publishedBefore = published.get();
                int onABefore = snapshots(onA).size();
                int onBBefore = snapshots(onB).size();
                Thread.sleep(3_000);
                assertThat(published.get() - publishedBefore).isBetween(2, 4);
                assertThat(snapshots(onA).size() - onABefore).isBetween(2, 4);
                assertThat(snapshots(onB).size() - onBBefore).isBetween(2, 4);

                TopicStream stream = new TopicStream();
                assertThat(snapshots(onA)).allSatisfy(m ->
                        assertThat(stream.offerState(m)).isEqualTo(TopicStream.Outcome.APPLIED));
                assertThat(snapshots(onA)).extracting(m -> m.data().path("taken_at").asText())
                        .allSatisfy(at -> assertThat(Instant.parse(at)).isAfter(Instant.now().minusSeconds(60)));

                unsubscribe(onA, topic);
                unsubscribe(onB, topic);
                Thread.sleep(1_200);
                int afterUnsubscribe = published.get();
                Thread.sleep(2_500);
                assertThat(published.get()).as("nobody follows any more").isEqualTo(afterUnsubscribe);
            }
        }
    }

    private static void unsubscribe(WsProbe probe, String topic) {
        String ref = "u" + System.nanoTime();
        probe.client().unsubscribe(topic, ref);
        assertThat(probe.awaitAnswer(ref)).isInstanceOf(ServerFrame.Unsubscribed.class);
    }

    private static boolean isSnapshot(EventMessage m) {
        return m.event().equals(EventTypes.TELEMETRY_SNAPSHOT_V1);
    }

    private static List<EventMessage> snapshots(WsProbe probe) {
        return probe.events().stream().filter(TelemetryRoutesIT::isSnapshot).toList();
    }

    private static JsonNode awaitBody(Api api, UUID org, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Response r = api.get(telemetry(org));
            assertThat(r.status()).isEqualTo(200);
            last[0] = r.json();
            return until.test(last[0]);
        });
        return last[0];
    }

    /** Always fails, on its first and only attempt: a dead letter at once. */
    static final class Failing implements Worker {
        static final String NAME = "telemetry.failing";

        @Override public String name() { return NAME; }
        @Override public QueueKind queue() { return QueueKind.NOTIFICATIONS; }
        @Override public ArgsShape args() { return ArgsShape.none(); }
        @Override public String eventType() { return "ticket.sold"; }
        @Override public int maxAttempts() { return 1; }
        @Override public void perform(JobContext job) {
            throw new IllegalStateException("always fails");
        }
    }

    /** Runs on the payments queue, which the test pauses: its jobs wait, the backlog. */
    static final class Parked implements Worker {
        static final String NAME = "telemetry.parked";

        @Override public String name() { return NAME; }
        @Override public QueueKind queue() { return QueueKind.PAYMENTS; }
        @Override public ArgsShape args() { return ArgsShape.none(); }
        @Override public String eventType() { return "payment.authorized"; }
        @Override public void perform(JobContext job) {
        }
    }
}
