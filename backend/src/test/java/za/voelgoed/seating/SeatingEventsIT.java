package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/**
 * Changes to a show's seats that used to happen without an event now write one in their own transaction and
 * reach the show's seating topic: a hold's extension, and seats blocked, set aside for a channel or given back.
 */
class SeatingEventsIT {

    static BackendNode node;
    static Api staff;
    static UUID org;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "seating-events")));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Seating events");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static UUID show() {
        UUID event = UUID.fromString(staff.post("/api/orgs/" + org + "/events", HoldsIT.SHOW).expect(201)
                .path("id").asText());
        staff.post(base(event) + "/publish", "{}").json();
        return event;
    }

    static String base(UUID event) {
        return "/api/orgs/" + org + "/events/" + event;
    }

    static List<JsonNode> events(String type, String resourceId) {
        return Db.rows("select persisted_change::text from domain_events where event_type = ? and resource_id = ?::uuid"
                + " order by resource_seq", type, resourceId).stream().map(r -> Json.tree((String) r.get(0))).toList();
    }

    @Test
    void anExtensionWritesSeatHoldExtendedWithTheNewExpiryInItsTransactionOnTheSeatingTopic() {
        UUID show = show();
        try (WsProbe seating = new WsProbe(node.port(), staff.token())) {
            assertThat(seating.subscribe("seating:event:" + show)).isInstanceOf(ServerFrame.Subscribed.class);
            JsonNode held = staff.post(base(show) + "/holds", "{\"seats\": [\"Floor:A:2\"]}").expect(201);
            String holdId = held.path("id").asText();

            JsonNode extended = staff.post(base(show) + "/holds/" + holdId + "/extend", "{\"seconds\": 90}").json();

            JsonNode event = events("seat.hold_extended.v1", holdId).get(0);
            Instant expiry = Instant.parse(event.path("expires_at").asText());
            assertThat(expiry).isEqualTo(Instant.parse(extended.path("expires_at").asText())).isEqualTo(
                    ((java.sql.Timestamp) Db.single("select expires_at from holds where id = ?::uuid", holdId)).toInstant());
            // the hold's first answer has the node clock's nanoseconds; PostgreSQL kept them rounded to microseconds
            assertThat(Instant.parse(event.path("previous_expires_at").asText())).isCloseTo(
                    Instant.parse(held.path("expires_at").asText()), within(1, ChronoUnit.MICROS));
            assertThat(event.path("seats")).extracting(JsonNode::asText).containsExactly("Floor:A:2");
            assertThat(Db.single("select xmin::text from domain_events where event_type = 'seat.hold_extended.v1'"
                    + " and resource_id = ?::uuid", holdId))
                    .isEqualTo(Db.single("select xmin::text from holds where id = ?::uuid", holdId));
            await().atMost(Duration.ofSeconds(10)).until(() -> seating.events().stream()
                    .anyMatch(m -> m.event().equals("seat.hold_extended.v1") && m.resourceId().toString().equals(holdId)));
        }
    }

    @Test
    void blockingAndGivingSeatsBackAreSequencedPerShowAndARefusedAllocationWritesNothing() {
        UUID show = show();
        try (WsProbe seating = new WsProbe(node.port(), staff.token())) {
            assertThat(seating.subscribe("seating:event:" + show)).isInstanceOf(ServerFrame.Subscribed.class);
            staff.post(base(show) + "/seats/allocation", "{\"seats\": [\"Floor:B:1\", \"Floor:B:2\"], \"blocked\": false,"
                    + " \"channel\": \"box_office\"}").json();
            staff.post(base(show) + "/seats/allocation", "{\"seats\": [\"Floor:B:1\"], \"blocked\": false}").json();
            staff.post(base(show) + "/holds", "{\"seats\": [\"Floor:A:1\"]}").expect(201);
            staff.post(base(show) + "/seats/allocation", "{\"seats\": [\"Floor:A:1\"], \"blocked\": true}").expect(409);

            List<JsonNode> changes = events("seat.allocation_changed.v1", show.toString());
            assertThat(changes).hasSize(2);
            assertThat(changes.get(0).path("channel").asText()).isEqualTo("box_office");
            assertThat(changes.get(0).path("seats")).extracting(JsonNode::asText).containsExactly("Floor:B:1", "Floor:B:2");
            assertThat(changes.get(1).has("channel")).as("back on public sale").isFalse();
            assertThat(changes.get(1).path("blocked").asBoolean()).isFalse();
            assertThat(Db.single("select xmin::text from domain_events where event_type = 'seat.allocation_changed.v1'"
                    + " and resource_id = ?::uuid and resource_seq = 2", show))
                    .isEqualTo(Db.single("select xmin::text from event_seats where event_id = ? and seat_id = 'Floor:B:1'", show));
            await().atMost(Duration.ofSeconds(10)).until(() -> seating.events().stream()
                    .filter(m -> m.event().equals("seat.allocation_changed.v1")).count() == 2);
            assertThat(seating.events()).filteredOn(m -> m.event().equals("seat.allocation_changed.v1"))
                    .extracting(EventMessage::seq).containsExactly(1L, 2L);
            assertThat(staff.get(base(show) + "/availability").json().path("watermark")
                    .path("seat_allocation:" + show).asLong()).as("the snapshot a client rehydrates from").isEqualTo(2);
        }
    }
}
