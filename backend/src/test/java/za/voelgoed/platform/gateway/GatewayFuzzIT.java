package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/** Garbage in, error frames out: random bytes, wrong shapes, huge frames and unknown topics change nothing. */
class GatewayFuzzIT {

    static BackendNode node;
    static UUID org;
    static String staff;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_WS_MAX_FRAME_BYTES", "4096",
                "VOELGOED_WS_MAX_SUBSCRIPTIONS", "3")));
        Api admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Fuzz");
        staff = admin.createToken(org, "staff");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static List<String> handPicked() {
        String topic = "events:org:" + org;
        return List.of("", "null", "[]", "42", "\"subscribe\"", "{", "{}", "{\"type\":5}", "{\"type\":\"dance\"}",
                "{\"type\":\"subscribe\"}", "{\"type\":\"subscribe\",\"topic\":7}",
                "{\"type\":\"subscribe\",\"topic\":\"events:org:nope\"}",
                "{\"type\":\"subscribe\",\"topic\":\"payments:org:" + org + "\"}",
                "{\"type\":\"subscribe\",\"topic\":\"" + topic + "\",\"resume\":\"yesterday\"}",
                "{\"type\":\"subscribe\",\"topic\":\"" + topic + "\",\"resume\":{\"resources\":{\"x\":-1},\"since\":\"2026-01-01T00:00:00Z\"}}",
                "{\"type\":\"subscribe\",\"topic\":\"" + topic + "\",\"resume\":{\"resources\":{}}}",
                "{\"type\":\"unsubscribe\",\"topic\":\"" + topic + "\"}",
                "{\"type\":\"auth\",\"token\":\"again\"}",
                "{\"type\":\"ping\",\"ref\":\"" + "r".repeat(100) + "\"}",
                "{\"type\":\"subscribe\",\"topic\":\"" + topic + "\",\"pad\":\"" + "x".repeat(10_000) + "\"}",
                "[".repeat(3000) + "]".repeat(3000));
    }

    @Test
    void everyBadFrameGetsOneErrorFrameAndTheConnectionLivesOn() {
        try (WsProbe probe = new WsProbe(node.port(), staff)) {
            probe.await(ServerFrame.Welcome.class, w -> true);
            List<String> frames = new ArrayList<>(handPicked());
            Random random = new Random(20261126);
            for (int i = 0; i < 300; i++) {
                frames.add(randomText(random));
            }
            frames.forEach(f -> probe.client().sendRaw(f));
            await().atMost(Duration.ofSeconds(20)).until(() -> errors(probe) == frames.size());
            assertThat(probe.frames()).noneMatch(f -> f instanceof ServerFrame.Subscribed);

            assertThat(probe.subscribe("events:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            probe.client().sendRaw("{\"type\":\"ping\",\"ref\":\"still-alive\"}");
            assertThat(probe.awaitAnswer("still-alive")).isInstanceOf(ServerFrame.Pong.class);
        }
        assertThat(new Api(node.port(), null).get("/health").status()).isEqualTo(200);
    }

    @Test
    void subscriptionLimitAndDuplicatesAreRefused() {
        try (WsProbe probe = new WsProbe(node.port(), staff)) {
            assertThat(probe.subscribe("events:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(probe.subscribe("events:org:" + org)).isInstanceOfSatisfying(ServerFrame.Error.class,
                    e -> assertThat(e.code()).isEqualTo("already_subscribed"));
            assertThat(probe.subscribe("ticketing:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(probe.subscribe("scanning:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(probe.subscribe("audit:org:" + org)).isInstanceOfSatisfying(ServerFrame.Error.class,
                    e -> assertThat(e.code()).isEqualTo("too_many_subscriptions"));
        }
    }

    private static long errors(WsProbe probe) {
        return probe.frames().stream().filter(f -> f instanceof ServerFrame.Error).count();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(200);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(0xD7FF - 1) + 1));
        }
        return random.nextBoolean() ? "{\"type\":\"" + text + "\"}" : text.toString();
    }
}
