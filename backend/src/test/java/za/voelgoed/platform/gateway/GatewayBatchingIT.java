package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.shared.realtime.Frames;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;
import za.voelgoed.testing.WsProbe;

/**
 * {@code /ws?batch=true}: events that reach a connection together go out as one WebSocket message, one
 * frame per line; a connection that did not ask gets one frame per message. Both get the same events in
 * the same order.
 */
class GatewayBatchingIT {

    static final int EVENTS = 300;
    static BackendNode node;
    static UUID org;
    static String viewer;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        // one dispatch loop: the 300 events of one commit are then one dispatch pass, one PubSub batch
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_OUTBOX_DISPATCH_THREADS", "1")),
                Extensions.none().withSchema(Widgets.SCHEMA));
        Api admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Batching");
        viewer = admin.createToken(org, "viewer");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aBatchingClientGetsOneMessagePerBatchAndAPlainClientOneFramePerMessage() throws Exception {
        Messages batched = Messages.connect(node.port(), "?batch=true", viewer);
        Messages plain = Messages.connect(node.port(), "", viewer);
        for (Messages client : List.of(batched, plain)) {
            client.send("{\"type\":\"subscribe\",\"topic\":\"events:org:" + org + "\",\"ref\":\"s\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.frames().stream()
                    .anyMatch(f -> f instanceof ServerFrame.Subscribed));
        }
        WsProbe javaClient = new WsProbe(node.port(), viewer);
        assertThat(javaClient.subscribe("events:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);

        List<UUID> committed = new ArrayList<>();
        node.outbox().transact(Actor.system(), tx -> {
            for (int i = 0; i < EVENTS; i++) {
                committed.add(tx.emit(Widgets.CHANGED, org, UUID.randomUUID(), Widgets.change(UUID.randomUUID(), i))
                        .eventId());
            }
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> batched.eventIds().size() == EVENTS
                && plain.eventIds().size() == EVENTS && javaClient.events().size() == EVENTS);
        assertThat(batched.eventIds()).containsExactlyElementsOf(committed);
        assertThat(plain.eventIds()).containsExactlyElementsOf(committed);
        // RealtimeClient asks for batches and hands the listener one frame at a time
        assertThat(javaClient.events().stream().map(e -> e.id()).toList()).containsExactlyElementsOf(committed);
        assertThat(batched.messagesWithEvents()).hasSize(1);
        assertThat(plain.messagesWithEvents()).hasSize(EVENTS).allSatisfy(m -> assertThat(m).doesNotContain("\n"));
        // the per-frame meters count every event to every socket, batched or not, under the event's organisation
        // (a socket's meters are recorded just after its write, so the client can be a moment ahead)
        Api api = new Api(node.port(), null);
        String type = "event_type=\"widget.changed.v1\"";
        String ofOrg = "organization_id=\"" + org + "\"";
        await().atMost(Duration.ofSeconds(10)).until(() -> sample(Metrics.scrape(node),
                "voelgoed_ws_commit_to_push_seconds_count", type, ofOrg) >= 3 * EVENTS);
        String metrics = Metrics.scrape(node);
        assertThat(sample(metrics, "voelgoed_ws_commit_to_push_seconds_count", type, ofOrg)).isEqualTo(3 * EVENTS);
        assertThat(sample(metrics, "voelgoed_pubsub_commit_to_delivery_seconds_count", type, ofOrg))
                .isEqualTo(3 * EVENTS);
        assertThat(sample(metrics, "voelgoed_ws_frames_sent_total", ofOrg, "type=\"event\"")).isEqualTo(3 * EVENTS);
        batched.close();
        plain.close();
        javaClient.close();
    }

    /** The value of the Prometheus sample of {@code name} carrying all of {@code labels}, or -1 when none does. */
    private static double sample(String metrics, String name, String... labels) {
        return metrics.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    /** A bare JDK WebSocket that records every whole message as it came off the wire. */
    static final class Messages implements WebSocket.Listener {
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Messages connect(int port, String query, String token) throws Exception {
            Messages m = new Messages();
            m.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + query), m).get(10, TimeUnit.SECONDS);
            return m;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        List<ServerFrame> frames() {
            return messages.stream().flatMap(m -> Frames.splitLines(m).stream()).map(Frames::decodeServer).toList();
        }

        List<UUID> eventIds() {
            return frames().stream().filter(f -> f instanceof ServerFrame.Event)
                    .map(f -> ((ServerFrame.Event) f).message().id()).toList();
        }

        List<String> messagesWithEvents() {
            return messages.stream().filter(m -> m.contains("\"type\":\"event\"")).toList();
        }

        void close() {
            socket.abort();
        }
    }
}
