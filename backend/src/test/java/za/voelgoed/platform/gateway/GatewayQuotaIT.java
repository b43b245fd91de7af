package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.pubsub.Routed;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;
import za.voelgoed.testing.WsProbe;

/**
 * What one tenant can do to a node through its sockets is bounded: sockets per token, the cost of a resume
 * (bounded rows read, along the dispatch log's key, paid from the token's frame budget), resume points that
 * cannot break a subscribe, and no event of another organisation on a socket even if one were routed to it.
 */
class GatewayQuotaIT {

    static final int SCAN_LIMIT = 50;
    static BackendNode node;
    static Api admin;
    static UUID org;
    static String staff;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_LIMIT_SOCKETS_PER_TOKEN", "2",
                "VOELGOED_RATE_LIMIT_FRAMES_PER_SECOND", "25", "VOELGOED_RATE_LIMIT_RESUME_FRAME_COST", "10",
                "VOELGOED_WS_REPLAY_SCAN_LIMIT", Integer.toString(SCAN_LIMIT))),
                Extensions.none().withSchema(Widgets.SCHEMA));
        admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Quota");
        staff = admin.createToken(org, "staff");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aTokenHoldsAtMostItsSocketsAndAClosedOneFreesItsPlace() throws Exception {
        String token = admin.createToken(org, "viewer");
        WsProbe first = new WsProbe(node.port(), token);
        WsProbe second = new WsProbe(node.port(), token);
        first.await(ServerFrame.Welcome.class, w -> true);
        second.await(ServerFrame.Welcome.class, w -> true);
        try (WsProbe third = new WsProbe(node.port(), token)) {
            assertThat(third.client().closed().get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.RATE_LIMITED);
            assertThat(third.frames()).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(ServerFrame.Error.class,
                    e -> assertThat(e.code()).isEqualTo("too_many_connections")));
        }
        first.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (WsProbe again = new WsProbe(node.port(), token)) {
                assertThat(again.subscribe("events:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            }
        });
        second.close();
    }

    @Test
    void anOutOfRangeResumePointIsRefusedByRefAndLeavesNothingSubscribed() {
        try (WsProbe probe = new WsProbe(node.port(), staff)) {
            String topic = "events:org:" + org;
            for (Instant since : List.of(Instant.MIN, Instant.parse("-5000-01-01T00:00:00Z"),
                    Instant.parse("+12000-01-01T00:00:00Z"))) {
                String ref = "r" + since.getEpochSecond();
                probe.client().subscribe(topic, ref, new Resume(Map.of(), since));
                assertThat(probe.awaitAnswer(ref)).isInstanceOfSatisfying(ServerFrame.Error.class,
                        e -> assertThat(e.code()).isEqualTo("bad_field"));
                sleepPastTheFrameWindow();
            }
            assertThat(probe.subscribe(topic)).as("nothing was left registered")
                    .isInstanceOf(ServerFrame.Subscribed.class);
        }
    }

    @Test
    void aResumeReadsAtMostTheScanLimitAlongItsIndexAndCostsFrames() throws Exception {
        UUID other = admin.createOrg("Quota other");
        String otherStaff = admin.createToken(other, "staff");
        var point = admin.get("/api/orgs/" + other + "/events").json();
        String epoch = point.get("epoch").asText();
        emit(other, SCAN_LIMIT + 10);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get("/api/orgs/" + other + "/events").json().get("offset").asLong() > point.get("offset").asLong());
        long indexScans = indexScans();
        try (WsProbe probe = new WsProbe(node.port(), otherStaff)) {
            probe.client().subscribe("events:org:" + other, "over",
                    Resume.after(Map.of(), point.get("offset").asLong(), epoch));
            assertThat(probe.awaitAnswer("over")).isInstanceOfSatisfying(ServerFrame.Subscribed.class,
                    s -> assertThat(s.recovered()).as("more than the scan limit: rehydrate").isFalse());
            assertThat(probe.events()).isEmpty();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> indexScans() > indexScans);

        sleepPastTheFrameWindow();
        long now = admin.get("/api/orgs/" + other + "/events").json().get("offset").asLong();
        try (WsProbe probe = new WsProbe(node.port(), otherStaff)) {
            probe.client().subscribe("events:org:" + other, "a", Resume.after(Map.of(), now, epoch));
            probe.client().subscribe("audit:org:" + other, "b", Resume.after(Map.of(), now, epoch));
            probe.client().subscribe("ticketing:org:" + other, "c", Resume.after(Map.of(), now, epoch));
            assertThat(List.of(probe.awaitAnswer("a"), probe.awaitAnswer("b"), probe.awaitAnswer("c")))
                    .as("25 frames a second pay for two resumes of 10").filteredOn(ServerFrame.Error.class::isInstance)
                    .singleElement().satisfies(f -> assertThat(((ServerFrame.Error) f).code()).isEqualTo("rate_limited"));
        }
    }

    @Test
    void anEventOfAnotherOrganisationNeverReachesASocketEvenOnItsTopic() {
        try (WsProbe probe = new WsProbe(node.port(), staff)) {
            Topic topic = Topic.of(TopicFamily.EVENTS_ORG, org);
            assertThat(probe.subscribe(topic.toString())).isInstanceOf(ServerFrame.Subscribed.class);
            UUID intruder = UUID.randomUUID();
            EventMessage forged = new EventMessage(Widgets.CHANGED, intruder, null, UUID.randomUUID(), 1, "widget",
                    UUID.randomUUID(), Json.object().put("secret", "of another tenant"), Instant.now());
            node.pubsub().publish(List.of(new Routed(Set.of(topic), forged)));
            UUID genuine = UUID.randomUUID();
            node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, org, genuine,
                    Widgets.change(UUID.randomUUID(), 1)));

            probe.await(ServerFrame.Event.class, e -> e.message().resourceId().equals(genuine));
            assertThat(probe.events()).extracting(EventMessage::orgId).containsOnly(org);
        }
    }

    private static void emit(UUID owner, int count) {
        node.outbox().transact(Actor.system(), tx -> {
            for (int i = 0; i < count; i++) {
                tx.emit(Widgets.CHANGED, owner, UUID.randomUUID(), Widgets.change(UUID.randomUUID(), i));
            }
            return null;
        });
    }

    private static long indexScans() {
        return Db.count("select idx_scan from pg_stat_user_indexes where indexrelname = 'dispatch_log_pkey'");
    }

    private static void sleepPastTheFrameWindow() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
