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
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.StalledWsClient;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/** Heartbeats keep answering clients connected; silent ones are closed; the gateway's meters are published. */
class GatewayHeartbeatIT {

    static BackendNode node;
    static UUID org;
    static String staff;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_WS_HEARTBEAT_MS", "300",
                "VOELGOED_WS_IDLE_TIMEOUT_MS", "1500")));
        Api admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Heartbeat");
        staff = admin.createToken(org, "staff");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void clientThatAnswersPingsStaysAndSilentOneIsClosed() throws Exception {
        try (WsProbe answering = new WsProbe(node.port(), staff);
             StalledWsClient silent = new StalledWsClient(node.port(), staff,
                     "{\"type\":\"subscribe\",\"topic\":\"events:org:" + org + "\",\"ref\":\"s\"}")) {
            assertThat(silent.awaitClosedByServer(Duration.ofSeconds(10))).isTrue();
            assertThat(answering.client().isOpen()).as("the JDK client answers pings").isTrue();
            answering.client().sendRaw("{\"type\":\"ping\",\"ref\":\"still\"}");
            assertThat(answering.awaitAnswer("still")).isInstanceOf(ServerFrame.Pong.class);
        }
    }

    @Test
    void gatewayMetersAreTaggedByOrganisation() {
        try (WsProbe probe = new WsProbe(node.port(), staff)) {
            probe.subscribe("events:org:" + org);
            probe.subscribe("events:org:" + UUID.randomUUID());
            String tag = "organization_id=\"" + org + "\"";
            await().atMost(Duration.ofSeconds(5)).until(() -> Metrics.scrape(node)
                    .contains("voelgoed_ws_connections{"));
            String metrics = Metrics.scrape(node);
            assertThat(metrics).containsPattern("voelgoed_ws_connections\\{[^}]*" + tag + "[^}]*\\} 1\\.0");
            assertThat(metrics).containsPattern("voelgoed_ws_subscriptions\\{[^}]*" + tag + "[^}]*\\} 1\\.0");
            assertThat(metrics).containsPattern("voelgoed_ws_subscriptions_denied_total\\{[^}]*" + tag);
            assertThat(metrics).containsPattern("voelgoed_ws_frames_sent_total\\{[^}]*" + tag);
        }
    }
}
