package za.voelgoed.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.client.RealtimeClient;
import za.voelgoed.shared.client.TopicStream;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/**
 * Reconnect without gaps: a client that was away while 500 events were committed ends with exactly what
 * a client that never left has — by outbox replay from its offset when the gap is small enough, by snapshot
 * otherwise; a resume point without an offset (the earlier protocol) is never answered as recovered.
 */
class GatewayResumeIT {

    static BackendNode replaying;
    static BackendNode snapshotOnly;
    static Api admin;
    static UUID org;
    static String staff;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        replaying = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "resume-a")));
        snapshotOnly = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "resume-b",
                "VOELGOED_WS_REPLAY_LIMIT", "100")));
        admin = new Api(replaying.port(), TestEnv.ADMIN_TOKEN);
        org = admin.createOrg("Resume");
        staff = admin.createToken(org, "staff");
    }

    @AfterAll
    static void stop() {
        replaying.close();
        snapshotOnly.close();
    }

    @Test
    void gapFilledFromTheOutbox() {
        runScenario(replaying, true);
    }

    @Test
    void gapTooLargeFallsBackToTheSnapshot() {
        runScenario(snapshotOnly, false);
    }

    @Test
    void aResumePointWithoutAnOffsetIsNeverAnsweredAsRecovered() {
        try (WsProbe probe = new WsProbe(node().port(), staff)) {
            probe.client().subscribe("events:org:" + org, "legacy", new Resume(Map.of(), Instant.now().minusSeconds(5)));
            assertThat(probe.awaitAnswer("legacy")).isInstanceOfSatisfying(ServerFrame.Subscribed.class,
                    s -> assertThat(s.recovered()).isFalse());
            probe.client().subscribe("audit:org:" + org, "other-epoch", Resume.after(Map.of(), 0, "not-this-outbox"));
            assertThat(probe.awaitAnswer("other-epoch")).isInstanceOfSatisfying(ServerFrame.Subscribed.class,
                    s -> assertThat(s.recovered()).isFalse());
        }
    }

    private static BackendNode node() {
        return replaying;
    }

    private void runScenario(BackendNode node, boolean expectRecovered) {
        String topic = "events:org:" + org;
        try (WsProbe reference = new WsProbe(node.port(), staff)) {
            reference.subscribe(topic);
            int before = reference.events().size();
            Client client = new Client(node.port());
            client.subscribe(topic, null);
            client.awaitSubscribed(); // events committed before the subscription is live would never come
            commitShows(20);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.stream.lastSeq("any") == 0
                    && client.appliedCount() == 40);
            client.close();

            commitShows(250);
            Client back = new Client(node.port(), client);
            back.subscribe(topic, client.stream.resumePoint());
            ServerFrame.Subscribed answer = back.awaitSubscribed();
            assertThat(answer.recovered()).isEqualTo(expectRecovered);
            if (!expectRecovered) {
                back.rehydrate();
            }
            UUID marker = commitShows(1).get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> seen(reference.events(), marker) && back.sawShow(marker));

            Map<String, Long> expected = lastSeqByResource(reference.events().subList(before, reference.events().size()));
            Map<String, Long> actual = back.lastSeqs();
            assertThat(expected).hasSize(271);
            assertThat(difference(actual, expected)).as("applied but not seen by the reference").isEmpty();
            assertThat(difference(expected, actual)).as("seen by the reference but not applied").isEmpty();
            assertThat(back.duplicates).isZero();
            assertThat(back.gaps).isZero();
            if (expectRecovered) {
                java.util.Set<UUID> referenceIds = new java.util.HashSet<>(reference.events().subList(before,
                        reference.events().size()).stream().map(EventMessage::id).toList());
                java.util.Set<UUID> appliedIds = new java.util.HashSet<>(back.applied.stream().map(EventMessage::id)
                        .toList());
                assertThat(back.applied).hasSize(referenceIds.size());
                assertThat(appliedIds).isEqualTo(referenceIds);
            }
            back.close();
        }
    }

    private static Map<String, Long> difference(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> diff = new HashMap<>(a);
        diff.entrySet().removeIf(e -> e.getValue().equals(b.get(e.getKey())));
        return diff;
    }

    private static boolean seen(List<EventMessage> events, UUID show) {
        return events.stream().anyMatch(m -> show.equals(m.eventId()) && m.seq() == 2);
    }

    private static Map<String, Long> lastSeqByResource(List<EventMessage> events) {
        Map<String, Long> last = new HashMap<>();
        events.forEach(m -> last.merge(Resume.resourceKey(m.resourceType(), m.resourceId()), m.seq(), Math::max));
        return last;
    }

    /** Creates and publishes shows: two events each. */
    private static List<UUID> commitShows(int count) {
        List<UUID> shows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode show = admin.post("/api/orgs/" + org + "/events",
                    "{\"name\":\"Show " + i + "\",\"starts_at\":\"2027-04-01T20:00:00Z\"}").json();
            admin.post("/api/orgs/" + org + "/events/" + show.get("id").asText() + "/publish", "");
            shows.add(UUID.fromString(show.get("id").asText()));
        }
        return shows;
    }

    /** A client following the documented algorithm with {@link TopicStream}. */
    static final class Client implements RealtimeClient.Listener {
        final TopicStream stream;
        final List<EventMessage> applied;
        final Map<String, ServerFrame.Subscribed> subscribed = new LinkedHashMap<>();
        final RealtimeClient socket;
        final int port;
        volatile int duplicates;
        volatile int gaps;

        Client(int port) {
            this(port, new TopicStream(), new ArrayList<>());
        }

        Client(int port, Client before) {
            this(port, before.stream, before.applied);
        }

        private Client(int port, TopicStream stream, List<EventMessage> applied) {
            this.port = port;
            this.stream = stream;
            this.applied = java.util.Collections.synchronizedList(applied);
            this.socket = RealtimeClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), staff, this);
        }

        void subscribe(String topic, Resume resume) {
            if (resume != null) {
                synchronized (this) {
                    stream.awaitSnapshot();
                }
            }
            socket.subscribe(topic, "sub", resume);
        }

        @Override
        public synchronized void onFrame(ServerFrame frame) {
            if (frame instanceof ServerFrame.Event e) {
                switch (stream.offer(e.message())) {
                    case APPLIED -> applied.add(e.message());
                    case DUPLICATE -> duplicates++;
                    case GAP -> gaps++;
                    case BUFFERED -> { }
                }
            } else if (frame instanceof ServerFrame.Welcome w) {
                stream.connected(w.epoch());
            } else if (frame instanceof ServerFrame.Subscribed s) {
                if (Boolean.TRUE.equals(s.recovered())) {
                    applied.addAll(stream.applySnapshot(Map.of(), Instant.EPOCH));
                }
                subscribed.put(s.topic(), s);
            }
        }

        ServerFrame.Subscribed awaitSubscribed() {
            await().atMost(Duration.ofSeconds(30)).until(() -> !subscribed.isEmpty());
            return subscribed.values().iterator().next();
        }

        /** The snapshot path: list the organisation's shows with their seq and adopt them as the watermark. */
        void rehydrate() {
            JsonNode snapshot = new Api(port, staff).get("/api/orgs/" + org + "/events?limit=500").json();
            Map<String, Long> watermark = new HashMap<>();
            snapshot.get("items").forEach(item -> watermark.put("event:" + item.get("id").asText(),
                    item.get("seq").asLong()));
            synchronized (this) {
                applied.addAll(stream.applySnapshot(watermark, Instant.parse(snapshot.get("as_of").asText()),
                        snapshot.get("offset").asLong(), snapshot.get("epoch").asText()));
            }
        }

        synchronized int appliedCount() {
            return applied.size();
        }

        synchronized boolean sawShow(UUID show) {
            return stream.lastSeq("event:" + show) == 2;
        }

        synchronized Map<String, Long> lastSeqs() {
            Map<String, Long> last = new HashMap<>(stream.resumePoint().resources());
            return last;
        }

        void close() {
            socket.close();
        }
    }
}
