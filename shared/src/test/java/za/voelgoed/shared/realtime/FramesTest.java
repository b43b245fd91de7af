package za.voelgoed.shared.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;

class FramesTest {

    @Test
    void clientFramesRoundTrip() {
        Resume resume = new Resume(Map.of("event:" + UUID.randomUUID(), 4L), Instant.parse("2026-11-26T20:00:00Z"));
        for (ClientFrame frame : new ClientFrame[] {new ClientFrame.Auth("t"),
                new ClientFrame.Subscribe("events:org:" + UUID.randomUUID(), "1", null),
                new ClientFrame.Subscribe("events:org:" + UUID.randomUUID(), "2", resume),
                new ClientFrame.Unsubscribe("audit:org:" + UUID.randomUUID(), "3"), new ClientFrame.Ping("4")}) {
            assertThat(Frames.decodeClient(Frames.encode(frame))).isEqualTo(frame);
        }
    }

    @Test
    void aResumePointOutsideTheYearsEventsCanHaveIsABadFieldNamingTheRef() {
        for (String since : List.of("-1000000000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            String frame = "{\"type\":\"subscribe\",\"topic\":\"events:org:" + UUID.randomUUID()
                    + "\",\"ref\":\"r1\",\"resume\":{\"since\":\"" + since + "\"}}";
            assertThatThrownBy(() -> Frames.decodeClient(frame)).isInstanceOfSatisfying(FrameException.class, e -> {
                assertThat(e.code()).isEqualTo("bad_field");
                assertThat(e.ref()).isEqualTo("r1");
                assertThat(e.getMessage()).doesNotContain(since);
            });
        }
    }

    @Test
    void eventFramesCarryThePayloadAtTopLevel() {
        UUID id = UUID.randomUUID();
        EventMessage message = new EventMessage("ticket.sold.v1", UUID.randomUUID(), UUID.randomUUID(), id, 7,
                "ticket", UUID.randomUUID(), Json.object().put("price_cents", 100), Instant.parse("2026-11-26T20:00:00Z"));
        String text = Frames.encode(new ServerFrame.Event("ticketing:org:" + message.orgId(), message));
        var tree = Json.tree(text);
        assertThat(tree.get("type").asText()).isEqualTo("event");
        assertThat(tree.get("seq").asLong()).isEqualTo(7);
        assertThat(tree.get("event").asText()).isEqualTo("ticket.sold.v1");
        assertThat(Frames.decodeServer(text)).isEqualTo(new ServerFrame.Event("ticketing:org:" + message.orgId(), message));
    }

    @Test
    void batchedMessagesSplitIntoTheirFramesEvenWhenDataHoldsNewlines() {
        EventMessage message = new EventMessage("widget.changed.v1", UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), 1, "widget", UUID.randomUUID(), Json.object().put("note", "line one\nline two"),
                Instant.parse("2026-11-26T20:00:00Z"));
        String event = Frames.encode(new ServerFrame.Event("events:org:" + message.orgId(), message));
        String pong = Frames.encode(new ServerFrame.Pong("p"));

        List<String> frames = Frames.splitLines(Frames.joinLines(List.of(event, pong, event)));

        assertThat(frames).containsExactly(event, pong, event);
        assertThat(Frames.decodeServer(frames.get(0))).isEqualTo(new ServerFrame.Event("events:org:" + message.orgId(),
                message));
        assertThat(Frames.splitLines(pong)).containsExactly(pong);
        assertThat(Frames.splitLines(pong + "\n")).containsExactly(pong);
    }

    @Test
    void serverFramesRoundTrip() {
        for (ServerFrame frame : new ServerFrame[] {new ServerFrame.Welcome("c", 15000),
                new ServerFrame.Subscribed("audit:org:" + UUID.randomUUID(), "r", null, 0),
                new ServerFrame.Subscribed("audit:org:" + UUID.randomUUID(), "r", true, 12),
                new ServerFrame.Unsubscribed("audit:org:" + UUID.randomUUID(), "r"),
                new ServerFrame.Error("r", "forbidden", "no"), new ServerFrame.Pong("p")}) {
            assertThat(Frames.decodeServer(Frames.encode(frame))).isEqualTo(frame);
        }
    }

    @Test
    void badFramesAreRefusedWithAStableCodeAndTheRef() {
        assertCode("not json", "bad_frame", null);
        assertCode("[1]", "bad_frame", null);
        assertCode("{\"ref\":\"a\"}", "bad_field", "a");
        assertCode("{\"type\":\"dance\",\"ref\":\"b\"}", "unknown_type", "b");
        assertCode("{\"type\":\"subscribe\",\"ref\":\"c\"}", "bad_field", "c");
        assertCode("{\"type\":\"subscribe\",\"topic\":\"x\",\"ref\":\"d\",\"resume\":{\"since\":\"yesterday\"}}",
                "bad_field", "d");
        assertCode("{\"type\":\"subscribe\",\"topic\":\"x\",\"resume\":{\"resources\":{\"a\":\"b\"},"
                + "\"since\":\"2026-01-01T00:00:00Z\"}}", "bad_field", null);
        assertCode("{\"type\":\"ping\",\"ref\":\"" + "r".repeat(65) + "\"}", "bad_field", null);
    }

    private static void assertCode(String text, String code, String ref) {
        assertThatThrownBy(() -> Frames.decodeClient(text)).isInstanceOfSatisfying(FrameException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.ref()).isEqualTo(ref);
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}
