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
import za.voelgoed.Extensions;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.StalledWsClient;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;
import za.voelgoed.testing.WsProbe;

/**
 * A client that stops reading while its socket's buffers are full blocks its own writer, and nothing else:
 * on the same node, revoked tokens' sockets are still closed, unauthenticated sockets still meet their
 * deadline, heartbeats still go out, and the stalled socket itself is cut off once its write has been
 * blocked longer than the write timeout. Its send queue never overflows here (the other way a slow client
 * is cut off), so only the write timeout can end it.
 */
class GatewayStallIT {

    static BackendNode node;
    static Api admin;
    static UUID org;
    static String viewer;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_WS_SEND_QUEUE", "100000",
                "VOELGOED_WS_SOCKET_SEND_BUFFER", "4096", "VOELGOED_WS_HEARTBEAT_MS", "300",
                "VOELGOED_WS_AUTH_DEADLINE_MS", "1500", "VOELGOED_WS_WRITE_TIMEOUT_MS", "4000")),
                Extensions.none().withSchema(Widgets.SCHEMA));
        admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Stall");
        viewer = admin.createToken(org, "viewer");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aStalledReaderBlocksNoHousekeepingAndIsCutOffAfterTheWriteTimeout() throws Exception {
        String topic = "events:org:" + org;
        try (StalledWsClient stalled = new StalledWsClient(node.port(), viewer,
                "{\"type\":\"subscribe\",\"topic\":\"" + topic + "\",\"ref\":\"s\"}")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> node.gateway().connectionCount() == 1);
            fillTheStalledSocket();
            // let the sweeper run into the blocked connection's heartbeat more than once
            Thread.sleep(1_500);

            var revoked = admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"viewer\"}").expect(201);
            try (WsProbe doomed = new WsProbe(node.port(), revoked.get("token").asText());
                 WsProbe silent = new WsProbe(node.port(), null)) {
                assertThat(doomed.subscribe(topic)).isInstanceOf(ServerFrame.Subscribed.class);
                assertThat(admin.delete("/api/orgs/" + org + "/tokens/" + revoked.get("id").asText()).status())
                        .isEqualTo(204);
                assertThat(doomed.client().closed().get(5, java.util.concurrent.TimeUnit.SECONDS))
                        .as("revoked while another socket is stalled").isEqualTo(CloseCodes.UNAUTHORIZED);
                assertThat(silent.client().closed().get(5, java.util.concurrent.TimeUnit.SECONDS))
                        .as("no auth frame before the deadline").isEqualTo(CloseCodes.UNAUTHORIZED);
            }
            // the stalled client still reads nothing: the server must end the connection by itself
            await().atMost(Duration.ofSeconds(15)).until(stalled::isCutOff);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> node.gateway().connectionCount() == 0);
        assertThat(Metrics.scrape(node))
                .containsPattern("voelgoed_ws_dropped_total\\{[^}]*reason=\"write_timeout\"[^}]*\\} 1\\.0");
    }

    /** Far more bytes than the kernel buffers of both ends hold, in few enough events to stay queued. */
    private static void fillTheStalledSocket() {
        String note = "x".repeat(8_000);
        node.outbox().transact(Actor.system(), tx -> {
            for (int i = 0; i < 200; i++) {
                tx.emit(Widgets.CHANGED, org, UUID.randomUUID(), Widgets.change(UUID.randomUUID(), i).put("note", note));
            }
            return null;
        });
    }
}
