package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.Api;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.WsProbe;

/** Every answer a gate can get for what was really sold, and what each one records. */
class ScanResultsIT {

    private static Gate gate;
    private static UUID show;
    private static UUID otherShow;
    private static List<Gate.Sold> ga;
    private static Api device;
    private static UUID session;

    @BeforeAll
    static void sell() {
        gate = new Gate(1);
        show = gate.show("Results");
        otherShow = gate.show("Other");
        // one order each: a refund refunds its whole order
        ga = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ga.addAll(gate.sell(show, "ga", 1));
        }
        device = gate.on(0, gate.deviceToken("Gate 1 scanner"));
        session = gate.session(device, show, "North", "");
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static String scans() {
        return "/api/orgs/" + gate.org + "/scanning/scans";
    }

    private static JsonNode scan(Api api, String code, UUID inSession, String nonce) {
        return api.post(scans(), Gate.scan(code, inSession, nonce)).expect(200);
    }

    @Test
    void aSessionOpenedByADeviceIsTheDevicesAndListedForStaff() {
        JsonNode opened = device.post("/api/orgs/" + gate.org + "/scanning/sessions", "{\"event_id\": \"" + show
                + "\", \"gate\": \"East\", \"direction\": \"both\", \"ticket_types\": [\"vip\"]}").expect(201);
        assertThat(opened.path("gate").asText()).isEqualTo("East");
        assertThat(opened.path("direction").asText()).isEqualTo("both");
        assertThat(opened.path("ticket_types").toString()).isEqualTo("[\"vip\"]");
        assertThat(opened.path("device_id").isTextual()).isTrue();
        assertThat(opened.path("opened_at").isTextual()).isTrue();
        JsonNode listed = gate.staff.get("/api/orgs/" + gate.org + "/scanning/sessions?event_id=" + show).json();
        assertThat(listed.path("items").findValuesAsText("id")).contains(opened.path("id").asText());
        String close = "/api/orgs/" + gate.org + "/scanning/sessions/" + opened.path("id").asText() + "/close";
        device.post(close, "{}").problem(403);
        assertThat(gate.staff.post(close, "{}").json().path("closed_at").isTextual()).isTrue();
        UUID closed = UUID.fromString(opened.path("id").asText());
        assertThat(device.post(scans(), Gate.scan(ga.get(0).code(), closed, "closed-1")).problem(409)
                .path("code").asText()).isEqualTo("session_closed");
    }

    @Test
    void theFirstScanAdmitsAndTheSecondSaysWhenAndWhere() {
        JsonNode first = scan(device, ga.get(1).code(), session, "first-1");
        assertThat(first.path("result").asText()).isEqualTo("ok");
        assertThat(first.path("ticket").path("id").asText()).isEqualTo(ga.get(1).id().toString());
        assertThat(first.path("ticket").path("event_id").asText()).isEqualTo(show.toString());
        assertThat(first.path("ticket").path("ticket_type").asText()).isEqualTo("ga");
        JsonNode second = scan(device, ga.get(1).code(), session, "first-2");
        assertThat(second.path("result").asText()).isEqualTo("already_redeemed");
        assertThat(second.path("first_admitted").path("gate").asText()).isEqualTo("North");
        assertThat(second.path("first_admitted").path("at").isTextual()).isTrue();
        assertThat(second.path("first_admitted").path("device").isTextual()).isTrue();
        String ticket = ga.get(1).id().toString();
        assertThat(Db.count("select count(*) from admissions where ticket_id = ?::uuid", ticket)).isEqualTo(1);
        assertThat(types(ticket)).containsExactlyInAnyOrder("scan.accepted.v1", "ticket.redeemed.v1",
                "scan.rejected.v1");
        assertThat(Db.single("select ip_address from domain_events where event_type = 'scan.accepted.v1'"
                + " and resource_id = ?::uuid", ticket)).isEqualTo("127.0.0.1");
    }

    @Test
    void theSameNonceGetsTheSameAnswerAndRecordsNothingNew() {
        JsonNode first = scan(device, ga.get(2).code(), session, "again-1");
        long events = Db.count(Gate.SCANNING_EVENTS);
        JsonNode again = scan(device, ga.get(2).code(), session, "again-1");
        assertThat(again).isEqualTo(first);
        assertThat(first.path("result").asText()).isEqualTo("ok");
        assertThat(Db.count("select count(*) from scans where nonce = 'again-1'")).isEqualTo(1);
        assertThat(Db.count(Gate.SCANNING_EVENTS)).isEqualTo(events);
    }

    @Test
    void aRefundedTicketIsRefused() {
        gate.staff.post("/api/orgs/" + gate.org + "/orders/" + ga.get(3).orderId() + "/refund", "{}").expect(200);
        JsonNode answer = scan(device, ga.get(3).code(), session, "refunded-1");
        assertThat(answer.path("result").asText()).isEqualTo("refunded");
        assertThat(answer.path("reason").isTextual()).isTrue();
        assertThat(Db.count("select count(*) from admissions where ticket_id = ?::uuid", ga.get(3).id().toString()))
                .isZero();
    }

    @Test
    void aForgedCodeIsInvalid() {
        String code = ga.get(4).code();
        String forged = code.substring(0, code.length() - 3) + (code.endsWith("AAA") ? "BBB" : "AAA");
        JsonNode answer = scan(device, forged, session, "forged-1");
        assertThat(answer.path("result").asText()).isEqualTo("invalid");
        assertThat(answer.has("ticket")).isFalse();
        assertThat(scan(device, "not a code", session, "forged-2").path("result").asText()).isEqualTo("invalid");
        assertThat(Db.count("select count(*) from scans where nonce like 'forged-%' and result = 'invalid'"))
                .isEqualTo(2);
    }

    @Test
    void aTicketOfAnotherShowIsTheWrongEvent() {
        UUID elsewhere = gate.session(device, otherShow, "Other gate", "");
        JsonNode answer = scan(device, ga.get(5).code(), elsewhere, "wrong-1");
        assertThat(answer.path("result").asText()).isEqualTo("wrong_event");
        assertThat(answer.path("ticket").path("event_id").asText()).isEqualTo(show.toString());
    }

    @Test
    void aGateListAdmitsOnlyItsTicketTypes() {
        UUID vipOnly = gate.session(device, show, "VIP door", ", \"ticket_types\": [\"vip\"]");
        JsonNode answer = scan(device, ga.get(0).code(), vipOnly, "gate-list-1");
        assertThat(answer.path("result").asText()).isEqualTo("product_not_allowed");
        assertThat(Db.count("select count(*) from admissions where ticket_id = ?::uuid", ga.get(0).id().toString()))
                .isZero();
    }

    @Test
    void badInputIsRefusedAndRecordsNothing() {
        long before = Db.count("select count(*) from scans");
        long events = Db.count(Gate.SCANNING_EVENTS);
        assertThat(device.post(scans(), Gate.scan("", session, "bad-1")).problem(422).path("code").asText())
                .isEqualTo("validation_failed");
        device.post(scans(), Gate.scan("x".repeat(10_240), session, "bad-2")).problem(422);
        device.post(scans(), Gate.scan(ga.get(0).code(), UUID.randomUUID(), "bad-3")).problem(404);
        device.post(scans(), "{\"code\": 12345, \"session_id\": \"" + session + "\", \"nonce\": \"bad-4\"}")
                .problem(400);
        device.post(scans(), "{\"code\": \"a\", \"session_id\": \"nope\", \"nonce\": \"bad-5\"}").problem(400);
        device.post(scans(), "{\"code\": \"a\", \"session_id\": \"" + session + "\"}").problem(422);
        device.post(scans(), "[1]").problem(400);
        device.post(scans() + "/batch", "{\"scans\": []}").problem(422);
        device.post(scans() + "/batch", "{\"scans\": [" + Gate.scan(ga.get(0).code(), session, "bad-6") + ", "
                + Gate.scan("", session, "bad-7") + "]}").problem(422);
        assertThat(Db.count("select count(*) from scans")).isEqualTo(before);
        assertThat(Db.count(Gate.SCANNING_EVENTS)).isEqualTo(events);
    }

    @Test
    void aViewerCannotScanAndAnotherOrgsDeviceGetsNotFound() {
        Api viewer = gate.on(0, gate.admin.createToken(gate.org, "viewer"));
        viewer.post(scans(), Gate.scan(ga.get(0).code(), session, "viewer-1")).problem(403);
        UUID otherOrg = gate.admin.createOrg("Elsewhere " + UUID.randomUUID());
        String otherDevice = gate.admin.post("/api/orgs/" + otherOrg + "/devices", "{\"name\": \"theirs\"}")
                .expect(201).path("id").asText();
        String token = gate.admin.post("/api/orgs/" + otherOrg + "/tokens", "{\"role\": \"device\", \"device_id\": \""
                + otherDevice + "\", \"scopes\": [\"scanning:org:" + otherOrg + "\"]}").expect(201)
                .path("token").asText();
        gate.on(0, token).post(scans(), Gate.scan(ga.get(0).code(), session, "other-1")).problem(404);
        gate.on(0, token).post("/api/orgs/" + otherOrg + "/scanning/scans", Gate.scan(ga.get(0).code(), session,
                "other-2")).problem(404);
        assertThat(Db.count("select count(*) from scans where nonce in ('viewer-1', 'other-1', 'other-2')")).isZero();
    }

    @Test
    void aBatchIsAnsweredInOrder() {
        List<Gate.Sold> more = gate.sell(show, "vip", 2);
        String body = "{\"scans\": [" + Gate.scan(more.get(0).code(), session, "batch-1") + ", "
                + Gate.scan(more.get(0).code(), session, "batch-2") + ", "
                + Gate.scan("junk", session, "batch-3") + ", "
                + Gate.scan(more.get(1).code(), session, "batch-4") + "]}";
        JsonNode results = device.post(scans() + "/batch", body).expect(200).path("results");
        assertThat(results.findValuesAsText("result")).containsExactly("ok", "already_redeemed", "invalid", "ok");
        assertThat(device.post(scans() + "/batch", body).expect(200).path("results")).isEqualTo(results);
        assertThat(Db.count("select count(*) from scans where nonce like 'batch-%'")).isEqualTo(4);
    }

    @Test
    void aTicketWhoseCaptureDiedIsUnpaid() {
        String queues = "/api/orgs/" + gate.org + "/queues/payments/";
        // the queue stays paused until the scan, so nothing captures the payment meanwhile
        gate.staff.post(queues + "pause", "{}").expect(200);
        try {
            Gate.Sold ticket = gate.sell(show, "vip", 1).get(0);
            // what the capture's last attempt leaves: the payment still authorised, its job in the dead-letter queue
            Object payment = Db.single("select id from payments where order_id = ?::uuid and status = 'authorized'",
                    ticket.orderId());
            Db.rows("insert into dead_letters (id, job_id, organization_id, queue, source_queue, worker, event_type,"
                    + " args, attempts, errors, effect_key, status) values (gen_random_uuid(), 999999, ?, 'q', 'q',"
                    + " 'payments.capture', 'payment.authorized', jsonb_build_object('payment_id', ?::text), 10,"
                    + " '[]', 'e', 'dead') returning id", gate.org, payment.toString());
            JsonNode answer = scan(device, ticket.code(), session, "unpaid-1");
            assertThat(answer.path("result").asText()).isEqualTo("unpaid");
            assertThat(Db.count("select count(*) from admissions where ticket_id = ?::uuid", ticket.id().toString()))
                    .isZero();
        } finally {
            gate.staff.post(queues + "resume", "{}").expect(200);
        }
    }

    @Test
    void aSessionsTopicCarriesItsScansToItsOrgOnly() {
        Gate.Sold ticket = gate.sell(show, "vip", 1).get(0);
        UUID otherOrg = gate.admin.createOrg("Onlookers " + UUID.randomUUID());
        String theirs = gate.admin.createToken(otherOrg, "staff");
        try (WsProbe ours = new WsProbe(gate.nodes.get(0).port(), gate.staff.token());
             WsProbe others = new WsProbe(gate.nodes.get(0).port(), theirs)) {
            assertThat(ours.subscribe("scanning:session:" + session)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(others.subscribe("scanning:session:" + session)).isInstanceOf(ServerFrame.Error.class);
            assertThat(scan(device, ticket.code(), session, "live-1").path("result").asText()).isEqualTo("ok");
            var accepted = ours.await(ServerFrame.Event.class, f -> f.message().event().equals("scan.accepted.v1"));
            assertThat(accepted.message().data().path("ticket_id").asText()).isEqualTo(ticket.id().toString());
            assertThat(accepted.message().data().path("gate").asText()).isEqualTo("North");
        }
    }

    private static List<String> types(String ticket) {
        return Db.rows("select event_type from domain_events where resource_id = ?::uuid and event_type like 's%'"
                + " or resource_id = ?::uuid and event_type = 'ticket.redeemed.v1'", ticket, ticket).stream()
                .map(r -> (String) r.get(0)).toList();
    }
}
