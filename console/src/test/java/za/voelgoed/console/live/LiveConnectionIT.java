package za.voelgoed.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/**
 * The console's socket against a real backend over WebSocket: events of a held topic arrive once, a
 * stopped backend is seen as down, and a backend back on the same address is reconnected to and resumed
 * from where the topic's stream stood — the events committed while it was away arrive, none twice.
 */
class LiveConnectionIT {

    private BackendNode node;
    private LiveConnection live;

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void followsATopicThroughARestartOfTheBackendWithoutLosingOrRepeatingAnEvent() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> fixedPort = Map.of("VOELGOED_HTTP_PORT", Integer.toString(port));
        node = BackendNode.start(TestEnv.config(fixedPort));
        Api admin = new Api(port, TestEnv.ADMIN_TOKEN);
        var created = admin.post("/api/orgs", "{\"name\":\"Live IT\"}");
        assertThat(created.status()).isEqualTo(201);
        UUID org = UUID.fromString(created.json().get("id").asText());

        List<LiveConnection.State> states = new CopyOnWriteArrayList<>();
        List<UUID> events = new CopyOnWriteArrayList<>();
        AtomicInteger resets = new AtomicInteger();
        live = new LiveConnection(URI.create("ws://127.0.0.1:" + port + "/ws"), TestEnv.ADMIN_TOKEN,
                HttpClient.newHttpClient(), Clock.systemUTC());
        live.addStateListener((state, reason) -> states.add(state));
        live.subscribe("events:org:" + org, new LiveConnection.TopicListener() {
            @Override
            public void onEvent(EventMessage message) {
                events.add(message.id());
            }

            @Override
            public void onReset() {
                resets.incrementAndGet();
            }
        });
        live.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> live.state() == LiveConnection.State.LIVE);
        await().atMost(Duration.ofSeconds(5)).until(() -> resets.get() == 1);

        createShow(admin, org, "Before");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);

        node.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> live.state() != LiveConnection.State.LIVE);
        assertThat(live.reason()).contains("reconnecting");

        node = BackendNode.start(TestEnv.config(fixedPort));
        createShow(admin, org, "While away");
        await().atMost(Duration.ofSeconds(20)).until(() -> live.state() == LiveConnection.State.LIVE);
        createShow(admin, org, "After");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
        Thread.sleep(500); // a repeated event would arrive now
        assertThat(events).hasSize(3).doesNotHaveDuplicates();
        assertThat(states).contains(LiveConnection.State.LIVE, LiveConnection.State.DOWN);
        assertThat(live.lastFrameAt()).isNotNull();
    }

    private static void createShow(Api admin, UUID org, String name) {
        var show = admin.post("/api/orgs/" + org + "/events",
                "{\"name\":\"" + name + "\",\"starts_at\":\"2027-03-01T19:00:00Z\"}");
        assertThat(show.status()).isEqualTo(201);
    }
}
