package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Entry, exit and re-entry over real HTTP, PostgreSQL and Redis (ADR 0024): every result of a gate of both
 * directions, the show's settings route and its refusals, and the inside count before and after Redis loses it.
 */
class ScanExitIT {

    private static Gate gate;
    private static UUID show;
    private static List<Gate.Sold> sold;
    private static Api device;
    private static UUID both;

    @BeforeAll
    static void open() {
        gate = new Gate(1);
        show = gate.show("Exits");
        sold = gate.sell(show, "ga", 12);
        device = gate.on(0, gate.deviceToken("Both ways"));
        both = gate.session(device, show, "Main", "both", "");
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static String scans() {
        return "/api/orgs/" + gate.org + "/scanning/scans";
    }

    private static String settingsOf(UUID event) {
        return "/api/orgs/" + gate.org + "/scanning/shows/" + event + "/settings";
    }

    private static JsonNode scan(UUID session, Gate.Sold ticket, String nonce, String direction) {
        return device.post(scans(), Gate.scan(ticket.code(), session, nonce, direction)).expect(200);
    }

    private static String result(Gate.Sold ticket, String nonce, String direction) {
        return scan(both, ticket, nonce, direction).path("result").asText();
    }

    private static JsonNode stats(UUID event) {
        return gate.staff.get("/api/orgs/" + gate.org + "/scanning/stats?event_id=" + event).expect(200);
    }

    private static long events(String type, Gate.Sold ticket) {
        return Db.count("select count(*) from domain_events where event_type = ? and resource_id = ?::uuid", type,
                ticket.id().toString());
    }

    @Test
    void anExitOfATicketInsideIsOkAndThenItIsNotInside() {
        Gate.Sold ticket = sold.get(0);
        gate.settings(show, false, null);
        assertThat(result(ticket, "exit-0", "exit")).isEqualTo("not_inside");
        assertThat(result(ticket, "exit-1", "entry")).isEqualTo("ok");
        JsonNode out = scan(both, ticket, "exit-2", "exit");
        assertThat(out.path("result").asText()).isEqualTo("ok");
        assertThat(out.path("ticket").path("id").asText()).isEqualTo(ticket.id().toString());
        assertThat(result(ticket, "exit-3", "exit")).isEqualTo("not_inside");
        JsonNode back = scan(both, ticket, "exit-4", "entry");
        assertThat(back.path("result").asText()).isEqualTo("already_redeemed");
        assertThat(back.path("first_admitted").path("gate").asText()).isEqualTo("Main");
        assertThat(events("ticket.redeemed.v1", ticket)).isEqualTo(1);
        assertThat(events("scan.accepted.v1", ticket)).isEqualTo(2);
        assertThat(Db.single("select persisted_change->>'direction' from domain_events where event_type = 'scan.accepted.v1'"
                + " and resource_id = ?::uuid order by position desc limit 1", ticket.id().toString())).isEqualTo("exit");
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.rejected.v1'"
                + " and resource_id = ?::uuid and persisted_change->>'reason' = 'not_inside'", ticket.id().toString()))
                .isEqualTo(2);
        assertThat(Db.single("select moves from admissions where ticket_id = ?::uuid", ticket.id().toString()))
                .isEqualTo(2);
    }

    @Test
    void aShowThatAllowsReEntryLetsATicketThatLeftBackInOnce() {
        UUID open = gate.show("Re-entry");
        Gate.Sold ticket = gate.sell(open, "ga", 1).getFirst();
        UUID door = gate.session(device, open, "Door", "both", "");
        gate.settings(open, true, null);
        assertThat(scan(door, ticket, "re-1", "entry").path("result").asText()).isEqualTo("ok");
        assertThat(scan(door, ticket, "re-2", "exit").path("result").asText()).isEqualTo("ok");
        assertThat(stats(open).path("inside").asLong()).isZero();
        assertThat(stats(open).path("exited").asLong()).isEqualTo(1);
        assertThat(scan(door, ticket, "re-3", "entry").path("result").asText()).isEqualTo("ok");
        assertThat(scan(door, ticket, "re-4", "entry").path("result").asText()).isEqualTo("already_redeemed");
        assertThat(events("ticket.redeemed.v1", ticket)).isEqualTo(1);
        assertThat(events("scan.accepted.v1", ticket)).isEqualTo(3);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.accepted.v1'"
                + " and resource_id = ?::uuid and persisted_change->>'reentry' = 'true'", ticket.id().toString())).isEqualTo(1);
        JsonNode now = stats(open);
        assertThat(now.path("admitted").asLong()).isEqualTo(1);
        assertThat(now.path("inside").asLong()).isEqualTo(1);
        assertThat(now.path("exited").asLong()).isZero();
    }

    @Test
    void aBatchSeesItsOwnExitsAndReEntries() {
        UUID open = gate.show("Batch re-entry");
        Gate.Sold ticket = gate.sell(open, "ga", 1).getFirst();
        UUID door = gate.session(device, open, "Door", "both", "");
        gate.settings(open, true, null);
        String body = "{\"scans\": [" + Gate.scan(ticket.code(), door, "b-1", "entry") + ", "
                + Gate.scan(ticket.code(), door, "b-2", "exit") + ", " + Gate.scan(ticket.code(), door, "b-3", "exit")
                + ", " + Gate.scan(ticket.code(), door, "b-4", "entry") + ", "
                + Gate.scan(ticket.code(), door, "b-5", "entry") + "]}";
        JsonNode results = device.post(scans() + "/batch", body).expect(200).path("results");
        assertThat(results.findValuesAsText("result"))
                .containsExactly("ok", "ok", "not_inside", "ok", "already_redeemed");
        assertThat(Db.single("select moves from admissions where ticket_id = ?::uuid", ticket.id().toString()))
                .isEqualTo(3);
        assertThat(stats(open).path("inside").asLong()).isEqualTo(1);
    }

    @Test
    void anEntryBeforeTheDoorsOpenIsNotYetValidAndAnExitGateTakesOnlyExits() {
        UUID later = gate.show("Doors");
        Gate.Sold ticket = gate.sell(later, "ga", 1).getFirst();
        UUID entry = gate.session(device, later, "Front", "entry", "");
        UUID exit = gate.session(device, later, "Back", "exit", "");
        gate.settings(later, false, OffsetDateTime.now(ZoneOffset.ofHours(2)).plusHours(2).toString());
        JsonNode early = device.post(scans(), Gate.scan(ticket.code(), entry, "doors-1")).expect(200);
        assertThat(early.path("result").asText()).isEqualTo("not_yet_valid");
        assertThat(early.path("reason").isTextual()).isTrue();
        assertThat(Db.count("select count(*) from admissions where ticket_id = ?::uuid", ticket.id().toString()))
                .isZero();
        gate.settings(later, false, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString());
        assertThat(device.post(scans(), Gate.scan(ticket.code(), entry, "doors-2")).expect(200).path("result")
                .asText()).isEqualTo("ok");
        assertThat(device.post(scans(), Gate.scan(ticket.code(), exit, "doors-3")).expect(200).path("result")
                .asText()).isEqualTo("ok");
        assertThat(device.post(scans(), Gate.scan(ticket.code(), exit, "doors-4", "entry")).problem(422)
                .path("code").asText()).isEqualTo("direction_not_allowed");
    }

    @Test
    void settingsDefaultAreChangedByStaffOnlyWithOneEventPerChange() {
        UUID fresh = gate.show("Settings");
        JsonNode defaults = gate.staff.get(settingsOf(fresh)).expect(200);
        assertThat(defaults.path("reentry_allowed").asBoolean(true)).isFalse();
        assertThat(defaults.path("doors_open_at").isNull()).isTrue();
        assertThat(defaults.path("event_id").asText()).isEqualTo(fresh.toString());
        assertThat(device.put(settingsOf(fresh), "{\"reentry_allowed\": true}").problem(403).path("code").asText())
                .isEqualTo("forbidden");
        Api viewer = gate.on(0, gate.admin.createToken(gate.org, "viewer"));
        viewer.put(settingsOf(fresh), "{\"reentry_allowed\": true}").problem(403);
        JsonNode set = gate.staff.put(settingsOf(fresh), "{\"reentry_allowed\": true, \"doors_open_at\":"
                + " \"2027-03-01T18:00:00+02:00\"}").expect(200);
        assertThat(set.path("reentry_allowed").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(set.path("doors_open_at").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-03-01T16:00:00Z").toInstant());
        gate.staff.put(settingsOf(fresh), "{\"reentry_allowed\": true, \"doors_open_at\":"
                + " \"2027-03-01T16:00:00Z\"}").expect(200);
        JsonNode read = device.get(settingsOf(fresh)).expect(200);
        assertThat(read.path("reentry_allowed").asBoolean()).isTrue();
        String changed = "select count(*) from domain_events where event_type = 'scanning.settings_changed.v1'"
                + " and resource_id = ?::uuid";
        assertThat(Db.count(changed, fresh.toString())).as("the same settings again change nothing").isEqualTo(1);
        assertThat(Db.single("select persisted_change->>'reentry_allowed' from domain_events where event_type ="
                + " 'scanning.settings_changed.v1' and resource_id = ?::uuid", fresh.toString())).isEqualTo("true");
        gate.staff.put(settingsOf(fresh), "{\"reentry_allowed\": false, \"doors_open_at\": null}").expect(200);
        assertThat(Db.count(changed, fresh.toString())).isEqualTo(2);
        assertThat(gate.staff.get(settingsOf(fresh)).expect(200).path("doors_open_at").isNull()).isTrue();
    }

    @Test
    void badSettingsAreRefusedAsProblemsAndChangeNothing() {
        UUID fresh = gate.show("Bad settings");
        long events = Db.count("select count(*) from domain_events");
        String path = settingsOf(fresh);
        assertThat(gate.staff.put(path, "{\"reentry_allowed\": \"true\"}").problem(400).path("code").asText())
                .isEqualTo("malformed_json");
        gate.staff.put(path, "{\"reentry_allowed\": 1}").problem(400);
        gate.staff.put(path, "{\"reentry_allowed\": true, \"doors_open_at\": 1790000000}").problem(400);
        JsonNode words = gate.staff.put(path, "{\"reentry_allowed\": true, \"doors_open_at\": \"next tuesday\"}")
                .problem(422);
        assertThat(words.path("code").asText()).isEqualTo("validation_failed");
        assertThat(words.toString()).contains("doors_open_at").doesNotContain("next tuesday");
        gate.staff.put(path, "{\"reentry_allowed\": true, \"doors_open_at\": \"2027-03-01T18:00:00\"}").problem(422);
        assertThat(gate.staff.put(path, "{}").problem(422).toString()).contains("reentry_allowed");
        gate.staff.put(path, "[true]").problem(400);
        gate.staff.put(path, "").problem(400);
        gate.staff.put("/api/orgs/" + gate.org + "/scanning/shows/not-a-show/settings", "{\"reentry_allowed\": true}")
                .problem(400);
        gate.staff.put(settingsOf(UUID.randomUUID()), "{\"reentry_allowed\": true}").problem(404);
        gate.staff.get(settingsOf(UUID.randomUUID())).problem(404);
        assertThat(Db.count("select count(*) from domain_events")).isEqualTo(events);
        assertThat(Db.count("select count(*) from show_scanning_settings where event_id = ?::uuid",
                fresh.toString())).isZero();
    }

    @Test
    void theInsideCountIsTheSameAfterRedisLosesIt() {
        UUID counted = gate.show("Counted");
        List<Gate.Sold> tickets = gate.sell(counted, "ga", 5);
        UUID door = gate.session(device, counted, "Door", "both", "");
        gate.settings(counted, true, null);
        for (int i = 0; i < 5; i++) {
            assertThat(scan(door, tickets.get(i), "c-in-" + i, "entry").path("result").asText()).isEqualTo("ok");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(scan(door, tickets.get(i), "c-out-" + i, "exit").path("result").asText()).isEqualTo("ok");
        }
        assertThat(scan(door, tickets.get(0), "c-back-0", "entry").path("result").asText()).isEqualTo("ok");
        JsonNode before = stats(counted);
        assertThat(before.path("admitted").asLong()).isEqualTo(5);
        assertThat(before.path("inside").asLong()).isEqualTo(3);
        assertThat(before.path("exited").asLong()).isEqualTo(2);
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            String prefix = redis.key("scanning:{evt:" + counted + "}:");
            redis.client().del(prefix + "admitted", prefix + "presence", prefix + "inside");
        }
        JsonNode after = stats(counted);
        assertThat(after.path("inside").asLong()).isEqualTo(3);
        assertThat(after.path("exited").asLong()).isEqualTo(2);
        // and the rebuilt copy decides as PostgreSQL would
        assertThat(scan(door, tickets.get(1), "c-out-again", "exit").path("result").asText()).isEqualTo("not_inside");
        assertThat(scan(door, tickets.get(0), "c-in-again", "entry").path("result").asText())
                .isEqualTo("already_redeemed");
        assertThat(scan(door, tickets.get(1), "c-back-1", "entry").path("result").asText()).isEqualTo("ok");
        assertThat(stats(counted).path("inside").asLong()).isEqualTo(4);
    }
}
