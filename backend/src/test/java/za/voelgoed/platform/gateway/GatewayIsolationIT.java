package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/**
 * Tenant isolation on the wire: for every topic family a token of org A is refused org B's topic, a
 * device only reaches its scopes, the admin reaches everything, and no frame of B ever reaches A.
 */
class GatewayIsolationIT {

    static BackendNode node;
    static Api admin;
    static UUID orgA;
    static UUID orgB;
    static UUID showA;
    static UUID showB;
    static String ownerA;
    static String deviceA;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_WS_AUTH_DEADLINE_MS", "1500")));
        admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        orgA = org("Isolation A");
        orgB = org("Isolation B");
        showA = show(orgA);
        showB = show(orgB);
        ownerA = admin.createToken(orgA, "staff");
        deviceA = admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"device\",\"scopes\":[\"scanning:org:"
                + orgA + "\"]}").json().get("token").asText();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Org B's topic of every family: by org id, by B's show, and by ids of orders and sessions A cannot own. */
    static List<Topic> topicsOfB() {
        List<Topic> topics = new ArrayList<>();
        for (TopicFamily family : TopicFamily.values()) {
            UUID id = switch (family.scope()) {
                case ORG -> orgB;
                case EVENT -> showB;
                case ORDER, SESSION -> UUID.randomUUID();
            };
            topics.add(Topic.of(family, id));
        }
        return topics;
    }

    @Test
    void memberOfADeniedEveryTopicOfB() {
        try (WsProbe a = new WsProbe(node.port(), ownerA)) {
            for (Topic topic : topicsOfB()) {
                ServerFrame answer = a.subscribe(topic.toString());
                assertThat(answer).as(topic.toString()).isInstanceOfSatisfying(ServerFrame.Error.class,
                        e -> assertThat(e.code()).isEqualTo("forbidden"));
            }
            assertThat(a.subscribe("ticketing:org:" + orgA)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(a.subscribe("seating:event:" + showA)).isInstanceOf(ServerFrame.Subscribed.class);
        }
    }

    /** An order's topic belongs to the order's organisation: its staff follow it; B, a device and unknown ids do not. */
    @Test
    void staffFollowTheirOwnOrdersTopicAndGetItsEventsWhileOthersAreRefused() {
        UUID order = UUID.randomUUID();
        TestEnv.exec("insert into orders (id, organization_id, event_id, hold_id, status, customer_name, customer_email,"
                + " subtotal_cents, discount_cents, total_cents, currency) values ('" + order + "', '" + orgA + "', '"
                + showA + "', '" + UUID.randomUUID() + "', 'paid', 'A', 'a@example.com', 100, 0, 100, 'ZAR')");
        try (WsProbe a = new WsProbe(node.port(), ownerA); WsProbe b = new WsProbe(node.port(), admin.createToken(orgB,
                "owner")); WsProbe device = new WsProbe(node.port(), deviceA)) {
            assertThat(a.subscribe("ticketing:order:" + order)).isInstanceOf(ServerFrame.Subscribed.class);
            assertForbidden(b, "ticketing:order:" + order);
            assertForbidden(device, "ticketing:order:" + order);
            assertForbidden(a, "ticketing:order:" + UUID.randomUUID());
            UUID ticket = UUID.randomUUID();
            node.outbox().transact(Actor.system(), tx -> tx.emit(EventTypes.TICKET_VOIDED_V1, orgA, ticket, Json.object()
                    .put("ticket_id", ticket.toString()).put("event_id", showA.toString())
                    .put("order_id", order.toString()).put("reason", "refund")));
            await().atMost(Duration.ofSeconds(10)).until(() -> !a.events().isEmpty());
            assertThat(a.events()).extracting(m -> m.event()).containsExactly("ticket.voided.v1");
            assertThat(b.events()).isEmpty();
        }
    }

    /** A scan session's topic belongs to its organisation: its staff and its scanning devices follow it, B does not. */
    @Test
    void staffAndScannersFollowTheirOwnScanSessionsTopicWhileOthersAreRefused() {
        UUID session = UUID.randomUUID();
        TestEnv.exec("insert into scanning_sessions (id, organization_id) values ('" + session + "', '" + orgA + "')");
        try (WsProbe a = new WsProbe(node.port(), ownerA); WsProbe b = new WsProbe(node.port(), admin.createToken(orgB,
                "owner")); WsProbe device = new WsProbe(node.port(), deviceA)) {
            assertThat(a.subscribe("scanning:session:" + session)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(device.subscribe("scanning:session:" + session)).isInstanceOf(ServerFrame.Subscribed.class);
            assertForbidden(b, "scanning:session:" + session);
            assertForbidden(a, "scanning:session:" + UUID.randomUUID());
            UUID ticket = UUID.randomUUID();
            node.outbox().transact(Actor.system(), tx -> tx.emit(EventTypes.SCAN_ACCEPTED_V1, orgA, ticket, Json.object()
                    .put("ticket_id", ticket.toString()).put("event_id", showA.toString())
                    .put("session_id", session.toString())));
            await().atMost(Duration.ofSeconds(10)).until(() -> !a.events().isEmpty() && !device.events().isEmpty());
            assertThat(a.events()).extracting(m -> m.event()).containsExactly("scan.accepted.v1");
            assertThat(b.events()).isEmpty();
        }
    }

    private static void assertForbidden(WsProbe probe, String topic) {
        assertThat(probe.subscribe(topic)).as(topic).isInstanceOfSatisfying(ServerFrame.Error.class,
                e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void deviceReachesOnlyItsScopes() {
        try (WsProbe device = new WsProbe(node.port(), deviceA)) {
            assertThat(device.subscribe("scanning:org:" + orgA)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(device.subscribe("ticketing:org:" + orgA)).isInstanceOf(ServerFrame.Error.class);
            assertThat(device.subscribe("events:event:" + showA)).isInstanceOf(ServerFrame.Error.class);
            assertThat(device.subscribe("scanning:org:" + orgB)).isInstanceOf(ServerFrame.Error.class);
        }
    }

    @Test
    void adminReachesEveryTopic() {
        try (WsProbe root = new WsProbe(node.port(), TestEnv.ADMIN_TOKEN)) {
            for (Topic topic : topicsOfB()) {
                assertThat(root.subscribe(topic.toString())).as(topic.toString()).isInstanceOf(ServerFrame.Subscribed.class);
            }
        }
    }

    @Test
    void noFrameOfBReachesA() {
        try (WsProbe a = new WsProbe(node.port(), ownerA)) {
            a.subscribe("events:org:" + orgA);
            a.subscribe("events:event:" + showA);
            for (int i = 0; i < 5; i++) {
                show(orgB);
            }
            UUID marker = show(orgA);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.events().stream()
                    .anyMatch(m -> marker.equals(m.eventId())));
            assertThat(a.events()).allSatisfy(m -> assertThat(m.orgId()).isEqualTo(orgA));
            assertThat(a.events()).noneMatch(m -> m.orgId().equals(orgB));
        }
    }

    @Test
    void badOrMissingCredentialsAreRefused() {
        try (WsProbe forged = new WsProbe(node.port(), "not-a-token")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> forged.client().closed().isDone());
            assertThat(forged.client().closed().join()).isEqualTo(CloseCodes.UNAUTHORIZED);
            assertThat(forged.frames()).noneMatch(f -> f instanceof ServerFrame.Welcome);
        }
        try (WsProbe anonymous = new WsProbe(node.port(), null)) {
            anonymous.client().sendRaw("{\"type\":\"auth\",\"token\":\"" + ownerA + "\"}");
            anonymous.await(ServerFrame.Welcome.class, w -> true);
            assertThat(anonymous.subscribe("events:org:" + orgA)).isInstanceOf(ServerFrame.Subscribed.class);
        }
        try (WsProbe late = new WsProbe(node.port(), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> late.client().closed().isDone());
            assertThat(late.client().closed().join()).isEqualTo(CloseCodes.UNAUTHORIZED);
        }
    }

    @Test
    void revokingATokenClosesItsConnections() {
        var issued = admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"viewer\"}").json();
        try (WsProbe viewer = new WsProbe(node.port(), issued.get("token").asText())) {
            assertThat(viewer.subscribe("events:org:" + orgA)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(admin.delete("/api/orgs/" + orgA + "/tokens/" + issued.get("id").asText()).status())
                    .isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> viewer.client().closed().isDone());
            assertThat(viewer.client().closed().join()).isEqualTo(CloseCodes.UNAUTHORIZED);
        }
    }

    private static UUID org(String name) {
        return UUID.fromString(admin.post("/api/orgs", "{\"name\":\"" + name + "\"}").json().get("id").asText());
    }

    private static UUID show(UUID org) {
        return UUID.fromString(admin.post("/api/orgs/" + org + "/events",
                "{\"name\":\"Show\",\"starts_at\":\"2027-03-01T20:00:00Z\"}").json().get("id").asText());
    }
}
