package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/** Presence of scanners and consoles across two nodes, and per-token rate limits on REST and frames. */
class PresenceAndLimitsIT {

    static BackendNode nodeA;
    static BackendNode nodeB;
    static Api admin;
    static UUID org;
    static String staff;
    static String scanner;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        Map<String, String> limits = Map.of("VOELGOED_RATE_LIMIT_REST_PER_SECOND", "20",
                "VOELGOED_RATE_LIMIT_FRAMES_PER_SECOND", "10", "VOELGOED_WS_HEARTBEAT_MS", "1000");
        nodeA = BackendNode.start(TestEnv.config(with(limits, "VOELGOED_NODE_ID", "presence-a")));
        nodeB = BackendNode.start(TestEnv.config(with(limits, "VOELGOED_NODE_ID", "presence-b")));
        admin = new Api(nodeA.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Presence");
        staff = admin.createToken(org, "staff");
        String device = admin.post("/api/orgs/" + org + "/devices", "{\"name\":\"Gate 1\"}").json().get("id").asText();
        scanner = admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"device\",\"device_id\":\"" + device
                + "\",\"scopes\":[\"scanning:org:" + org + "\"]}").json().get("token").asText();
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        var map = new java.util.HashMap<>(base);
        map.put(key, value);
        return map;
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void staffSeeScannersComeAndGoOnEveryNode() {
        try (WsProbe console = new WsProbe(nodeA.port(), staff)) {
            assertThat(console.subscribe("audit:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            WsProbe gate = new WsProbe(nodeB.port(), scanner);
            await().atMost(Duration.ofSeconds(10)).until(() -> console.events().stream()
                    .anyMatch(m -> m.event().equals("presence.changed.v1") && m.data().get("kind").asText().equals("device")
                            && m.data().get("state").asText().equals("joined")));
            var listed = new Api(nodeA.port(), staff).get("/api/orgs/" + org + "/presence").json().get("items");
            assertThat(listed.findValuesAsText("kind")).contains("device", "console");
            assertThat(listed.findValuesAsText("node")).contains("presence-a", "presence-b");
            gate.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> console.events().stream()
                    .anyMatch(m -> m.event().equals("presence.changed.v1") && m.data().get("state").asText().equals("left")));
            assertThat(new Api(nodeB.port(), staff).get("/api/orgs/" + org + "/presence").json().get("items")
                    .findValuesAsText("kind")).doesNotContain("device");
        }
    }

    @Test
    void connectionsOfADeadNodeExpireAndAreAnnouncedAsGone() {
        try (WsProbe console = new WsProbe(nodeA.port(), staff);
             za.voelgoed.platform.redis.Redis redis = za.voelgoed.platform.redis.Redis.connect(TestEnv.REDIS_URL,
                     TestEnv.REDIS_PREFIX)) {
            assertThat(console.subscribe("audit:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            UUID ghost = UUID.randomUUID();
            var entry = new PresenceEntry(ghost, org, "device", "device", UUID.randomUUID(), null, null, "dead-node",
                    java.time.Instant.now().minusSeconds(60));
            String tag = "presence:{org:" + org + "}";
            redis.client().hset(redis.key(tag + ":info"), ghost.toString(), za.voelgoed.shared.json.Json.write(entry));
            redis.client().zadd(redis.key(tag + ":seen"), System.currentTimeMillis() - 60_000, ghost.toString());
            redis.client().sadd(redis.key("presence:orgs"), org.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> console.events().stream()
                    .anyMatch(m -> m.resourceId().equals(ghost) && m.data().get("state").asText().equals("expired")));
            assertThat(new Api(nodeA.port(), staff).get("/api/orgs/" + org + "/presence").json().get("items")
                    .findValuesAsText("connection_id")).doesNotContain(ghost.toString());
            assertThat(console.events()).filteredOn(m -> m.resourceId().equals(ghost)).hasSize(1);
            // the live console is refreshed every heartbeat (1 s), so it outlives the 3 s expiry the ghost hit
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                    new Api(nodeA.port(), staff).get("/api/orgs/" + org + "/presence").json().get("items")
                            .findValuesAsText("kind").contains("console"));
        }
    }

    @Test
    void restRequestsOverTheLimitGet429WithRetryAfter() {
        String viewer = admin.createToken(org, "viewer");
        Api limited = new Api(nodeA.port(), viewer);
        int refused = 0;
        Api.Response last = null;
        for (int i = 0; i < 60; i++) {
            Api.Response r = limited.get("/api/orgs/" + org + "/events");
            if (r.status() == 429) {
                refused++;
                last = r;
            }
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(last.problem(429).get("code").asText()).isEqualTo("rate_limited");
        assertThat(last.retryAfter()).isNotNull();
        assertThat(Integer.parseInt(last.retryAfter())).isBetween(1, 2);
    }

    @Test
    void framesOverTheLimitGetRateLimitedErrors() {
        String own = admin.createToken(org, "staff");
        try (WsProbe chatty = new WsProbe(nodeA.port(), own)) {
            for (int i = 0; i < 40; i++) {
                chatty.client().sendRaw("{\"type\":\"ping\",\"ref\":\"p" + i + "\"}");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> chatty.frames().stream()
                    .filter(f -> f instanceof ServerFrame.Pong || f instanceof ServerFrame.Error).count() == 40);
            assertThat(chatty.frames()).filteredOn(f -> f instanceof ServerFrame.Error e && e.code().equals("rate_limited"))
                    .isNotEmpty();
            assertThat(chatty.frames()).filteredOn(f -> f instanceof ServerFrame.Pong).hasSizeLessThanOrEqualTo(20);
        }
    }
}
