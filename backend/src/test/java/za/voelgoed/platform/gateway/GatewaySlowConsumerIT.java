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
import za.voelgoed.Extensions;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.StalledWsClient;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;
import za.voelgoed.testing.WsProbe;

/** A client that stops reading is cut off; fifty others on the same topic receive every event. */
class GatewaySlowConsumerIT {

    static final int EVENTS = 400;
    static BackendNode node;
    static UUID org;
    static String viewer;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_WS_SEND_QUEUE", "256",
                "VOELGOED_WS_SOCKET_SEND_BUFFER", "32768", "VOELGOED_OUTBOX_BATCH_SIZE", "64")),
                Extensions.none().withSchema(Widgets.SCHEMA));
        Api admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Slow");
        viewer = admin.createToken(org, "viewer");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void stalledClientIsCutOffWhileOthersKeepReceiving() throws Exception {
        String topic = "events:org:" + org;
        List<WsProbe> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            WsProbe probe = new WsProbe(node.port(), viewer);
            probe.subscribe(topic);
            others.add(probe);
        }
        try (StalledWsClient stalled = new StalledWsClient(node.port(), viewer,
                "{\"type\":\"subscribe\",\"topic\":\"" + topic + "\",\"ref\":\"s\"}")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> node.gateway().connectionCount() == 51);
            String note = "x".repeat(1_000);
            for (int i = 0; i < EVENTS; i++) {
                int n = i;
                node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, org, UUID.randomUUID(),
                        Widgets.change(UUID.randomUUID(), n).put("note", note)));
                // a steady stream (about 300 events/s) that readers keep up with, on a machine that also
                // runs the fifty readers, the database and Redis
                Thread.sleep(3);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> node.gateway().connectionCount() == 50);
            await().atMost(Duration.ofSeconds(60)).until(() -> others.stream()
                    .allMatch(p -> p.events().size() == EVENTS || !p.client().isOpen()));
            assertThat(others).allSatisfy(p -> assertThat(p.events()).hasSize(EVENTS));
            assertThat(others).allSatisfy(p -> assertThat(p.client().isOpen()).isTrue());
            await().atMost(Duration.ofSeconds(10)).until(stalled::isCutOff);
        }
        assertThat(Metrics.scrape(node))
                .containsPattern("voelgoed_ws_dropped_total\\{[^}]*reason=\"slow_consumer\"[^}]*\\} 1\\.0");
        others.forEach(WsProbe::close);
    }
}
