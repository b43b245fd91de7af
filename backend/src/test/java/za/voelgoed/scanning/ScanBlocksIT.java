package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.WsProbe;

/** Tickets staff block at the gate, and the events of a scan session's opening and closing (ADR 0025). */
class ScanBlocksIT {

    private static Gate gate;
    private static UUID show;
    private static Api device;
    private static Api viewer;
    private static UUID session;

    @BeforeAll
    static void start() {
        gate = new Gate(1);
        show = gate.show("Blocks");
        device = gate.on(0, gate.deviceToken("Door scanner"));
        viewer = gate.on(0, gate.admin.createToken(gate.org, "viewer"));
        session = gate.session(device, show, "Door", "");
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static String blocks() {
        return "/api/orgs/" + gate.org + "/scanning/blocks";
    }

    private static String block(UUID ticket, String reason) {
        return Json.write(Map.of("ticket_id", ticket.toString(), "reason", reason));
    }

    private static JsonNode scan(Gate.Sold ticket, String nonce) {
        return device.post("/api/orgs/" + gate.org + "/scanning/scans", Gate.scan(ticket.code(), session, nonce))
                .expect(200);
    }

    private static long events(String type, UUID resource) {
        return Db.count("select count(*) from domain_events where event_type = ? and resource_id = ?::uuid", type,
                resource.toString());
    }

    @Test
    void aBlockedTicketIsRefusedUntilStaffUnblockIt() {
        Gate.Sold ticket = gate.sell(show, "ga", 1).get(0);
        JsonNode made = gate.staff.post(blocks(), block(ticket.id(), "reported stolen")).expect(201);
        assertThat(made.path("ticket_id").asText()).isEqualTo(ticket.id().toString());
        assertThat(made.path("event_id").asText()).isEqualTo(show.toString());
        assertThat(made.path("ticket_type").asText()).isEqualTo("ga");
        assertThat(made.path("reason").asText()).isEqualTo("reported stolen");
        assertThat(made.path("blocked_at").isTextual()).isTrue();
        assertThat(events("ticket.blocked.v1", ticket.id())).isEqualTo(1);

        JsonNode again = gate.staff.post(blocks(), block(ticket.id(), "something else")).expect(200);
        assertThat(again.path("reason").asText()).isEqualTo("reported stolen");
        assertThat(events("ticket.blocked.v1", ticket.id())).isEqualTo(1);

        JsonNode listed = viewer.get(blocks() + "?event_id=" + show).expect(200).path("items");
        assertThat(listed.findValuesAsText("ticket_id")).contains(ticket.id().toString());

        JsonNode refused = scan(ticket, "blocked-1");
        assertThat(refused.path("result").asText()).isEqualTo("blocked");
        assertThat(refused.path("reason").isTextual()).isTrue();
        assertThat(refused.path("reason").asText()).doesNotContain("stolen");
        assertThat(Db.count("select count(*) from admissions where ticket_id = ?::uuid", ticket.id().toString()))
                .isZero();
        assertThat(Db.single("select persisted_change->>'reason' from domain_events where event_type ="
                + " 'scan.rejected.v1' and resource_id = ?::uuid", ticket.id().toString())).isEqualTo("blocked");

        JsonNode removed = gate.staff.delete(blocks() + "/" + ticket.id()).expect(200);
        assertThat(removed.path("ticket_id").asText()).isEqualTo(ticket.id().toString());
        assertThat(events("ticket.unblocked.v1", ticket.id())).isEqualTo(1);
        assertThat(viewer.get(blocks() + "?event_id=" + show).expect(200).path("items").findValuesAsText("ticket_id"))
                .doesNotContain(ticket.id().toString());
        assertThat(gate.staff.delete(blocks() + "/" + ticket.id()).problem(404).path("code").asText())
                .isEqualTo("block_not_found");
        assertThat(scan(ticket, "blocked-2").path("result").asText()).isEqualTo("ok");
    }

    @Test
    void onlyStaffBlockAndBadBlocksChangeNothing() {
        Gate.Sold ticket = gate.sell(show, "ga", 1).get(0);
        long rows = Db.count("select count(*) from ticket_blocks");
        long events = Db.count(Gate.SCANNING_EVENTS);
        assertThat(device.post(blocks(), block(ticket.id(), "gate says so")).problem(403).path("code").asText())
                .isEqualTo("forbidden");
        viewer.post(blocks(), block(ticket.id(), "viewer says so")).problem(403);
        gate.staff.post(blocks(), "{\"ticket_id\": \"" + ticket.id() + "\"}").problem(422);
        gate.staff.post(blocks(), block(ticket.id(), " ")).problem(422);
        gate.staff.post(blocks(), block(ticket.id(), "x".repeat(TicketBlocks.MAX_REASON + 1))).problem(422);
        gate.staff.post(blocks(), "{\"ticket_id\": \"nope\", \"reason\": \"r\"}").problem(400);
        gate.staff.post(blocks(), "{\"ticket_id\": \"" + ticket.id() + "\", \"reason\": 5}").problem(400);
        assertThat(gate.staff.post(blocks(), block(UUID.randomUUID(), "unknown")).problem(404).path("code").asText())
                .isEqualTo("ticket_not_found");
        UUID otherOrg = gate.admin.createOrg("Elsewhere " + UUID.randomUUID());
        Api theirs = gate.admin.withToken(gate.admin.createToken(otherOrg, "staff"));
        theirs.post("/api/orgs/" + otherOrg + "/scanning/blocks", block(ticket.id(), "not yours")).problem(404);
        theirs.get(blocks() + "?event_id=" + show).problem(404);
        assertThat(viewer.get("/api/orgs/" + otherOrg + "/scanning/blocks?event_id=" + show).status()).isEqualTo(404);
        viewer.get(blocks() + "?event_id=nope").problem(400);
        viewer.get(blocks()).problem(400);
        assertThat(Db.count("select count(*) from ticket_blocks")).isEqualTo(rows);
        assertThat(Db.count(Gate.SCANNING_EVENTS)).isEqualTo(events);

        gate.staff.post(blocks(), block(ticket.id(), "for the delete")).expect(201);
        device.delete(blocks() + "/" + ticket.id()).problem(403);
        viewer.delete(blocks() + "/" + ticket.id()).problem(403);
        gate.staff.delete(blocks() + "/nope").problem(400);
        assertThat(Db.count("select count(*) from ticket_blocks where ticket_id = ?::uuid", ticket.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void openingAndClosingASessionAreEventsOnItsTopic() {
        JsonNode opened = device.post("/api/orgs/" + gate.org + "/scanning/sessions", "{\"event_id\": \"" + show
                + "\", \"gate\": \"Lifecycle\", \"direction\": \"both\", \"ticket_types\": [\"vip\"]}").expect(201);
        UUID id = UUID.fromString(opened.path("id").asText());
        List<List<Object>> open = Db.rows("select persisted_change::text, resource_type, ip_address from domain_events"
                + " where event_type = 'scanning.session_opened.v1' and resource_id = ?::uuid", id.toString());
        assertThat(open).hasSize(1);
        JsonNode data = Json.tree((String) open.get(0).get(0));
        assertThat(data.path("session_id").asText()).isEqualTo(id.toString());
        assertThat(data.path("event_id").asText()).isEqualTo(show.toString());
        assertThat(data.path("gate").asText()).isEqualTo("Lifecycle");
        assertThat(data.path("direction").asText()).isEqualTo("both");
        assertThat(data.path("device_id").asText()).isEqualTo(opened.path("device_id").asText());
        assertThat(data.path("ticket_types").toString()).isEqualTo("[\"vip\"]");
        assertThat(open.get(0).get(1)).isEqualTo("scan_session");
        assertThat(open.get(0).get(2)).isEqualTo("127.0.0.1");

        String close = "/api/orgs/" + gate.org + "/scanning/sessions/" + id + "/close";
        try (WsProbe probe = new WsProbe(gate.nodes.get(0).port(), gate.staff.token())) {
            assertThat(probe.subscribe("scanning:session:" + id)).isInstanceOf(ServerFrame.Subscribed.class);
            device.post(close, "{}").problem(403);
            JsonNode closed = gate.staff.post(close, "{}").expect(200);
            var event = probe.await(ServerFrame.Event.class,
                    f -> f.message().event().equals("scanning.session_closed.v1"));
            assertThat(event.message().data().path("session_id").asText()).isEqualTo(id.toString());
            assertThat(Json.tree(Json.write(event.message().data())).path("closed_at").asText())
                    .isNotEmpty();
            assertThat(closed.path("closed_at").isTextual()).isTrue();
        }
        assertThat(gate.staff.post(close, "{}").expect(200).path("closed_at").isTextual()).isTrue();
        assertThat(events("scanning.session_closed.v1", id)).isEqualTo(1);
        assertThat(events("scanning.session_opened.v1", id)).isEqualTo(1);
    }
}
