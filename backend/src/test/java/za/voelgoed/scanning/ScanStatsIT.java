package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/**
 * The scan stats route over real HTTP, PostgreSQL and Redis: two gates, two devices, every result counted once
 * (a resent nonce not again), and the same numbers after this run's Redis keys are deleted (ADR 0023).
 */
class ScanStatsIT {

    private static Gate gate;
    private static UUID show;
    private static List<Gate.Sold> sold;
    private static Api north;
    private static Api south;
    private static UUID northSession;
    private static UUID southSession;

    @BeforeAll
    static void open() {
        gate = new Gate(1);
        show = gate.show("Stats");
        sold = gate.sell(show, "ga", 4);
        north = gate.on(0, gate.deviceToken("North scanner"));
        south = gate.on(0, gate.deviceToken("South scanner"));
        northSession = gate.session(north, show, "North", "");
        southSession = gate.session(south, show, "South", "");
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static String stats(UUID org, String query) {
        return "/api/orgs/" + org + "/scanning/stats" + query;
    }

    private static JsonNode statsOf(Api api) {
        return api.get(stats(gate.org, "?event_id=" + show)).expect(200);
    }

    private static String scan(Api device, String code, UUID session, String nonce) {
        return device.post("/api/orgs/" + gate.org + "/scanning/scans", Gate.scan(code, session, nonce)).expect(200)
                .path("result").asText();
    }

    @Test
    void everyScanIsCountedOnceByGateDeviceAndReasonAndSurvivesLosingRedis() {
        JsonNode empty = statsOf(gate.staff);
        assertThat(empty.path("accepted").asLong()).isZero();
        assertThat(empty.path("per_minute").size()).isEqualTo(60);

        assertThat(scan(north, sold.get(0).code(), northSession, "n1")).isEqualTo("ok");
        assertThat(scan(north, sold.get(1).code(), northSession, "n2")).isEqualTo("ok");
        assertThat(scan(north, sold.get(0).code(), northSession, "n3")).isEqualTo("already_redeemed");
        assertThat(scan(north, "not a ticket", northSession, "n4")).isEqualTo("invalid");
        assertThat(scan(north, sold.get(0).code(), northSession, "n1")).isEqualTo("ok"); // resent: not counted
        assertThat(scan(south, sold.get(1).code(), southSession, "s1")).isEqualTo("already_redeemed");
        assertThat(scan(south, sold.get(2).code(), southSession, "s2")).isEqualTo("ok");
        String batch = "{\"scans\": [" + Gate.scan(sold.get(3).code(), southSession, "s3") + ", "
                + Gate.scan("forged", southSession, "s4") + "]}";
        String batchPath = "/api/orgs/" + gate.org + "/scanning/scans/batch";
        assertThat(south.post(batchPath, batch).expect(200).path("results").findValuesAsText("result"))
                .containsExactly("ok", "invalid");
        south.post(batchPath, batch).expect(200); // resent: not counted

        JsonNode live = statsOf(gate.staff);
        assertThat(live.path("event_id").asText()).isEqualTo(show.toString());
        assertThat(live.path("taken_at").isTextual()).isTrue();
        assertThat(live.path("accepted").asLong()).isEqualTo(4);
        assertThat(live.path("rejected").asLong()).isEqualTo(4);
        assertThat(live.path("admitted").asLong()).isEqualTo(4);
        assertThat(live.path("rejected_by_reason").path("already_redeemed").asLong()).isEqualTo(2);
        assertThat(live.path("rejected_by_reason").path("invalid").asLong()).isEqualTo(2);
        assertThat(live.path("rejected_by_reason").size()).isEqualTo(2);
        assertThat(live.path("per_minute").size()).isEqualTo(60);
        assertThat(sum(live.path("per_minute"), "accepted")).isEqualTo(4);
        assertThat(sum(live.path("per_minute"), "rejected")).isEqualTo(4);
        JsonNode gates = live.path("gates");
        assertThat(gates.findValuesAsText("gate")).containsExactly("North", "South");
        for (JsonNode g : gates) {
            assertThat(g.path("accepted").asLong()).isEqualTo(2);
            assertThat(g.path("rejected").asLong()).isEqualTo(2);
            assertThat(g.path("per_minute").size()).isEqualTo(60);
            assertThat(sum(g.path("per_minute"), "accepted")).isEqualTo(2);
            assertThat(g.path("last_scan_at").isTextual()).isTrue();
        }
        String northDevice = gate.staff.get("/api/orgs/" + gate.org + "/scanning/sessions/" + northSession).json()
                .path("device_id").asText();
        JsonNode devices = live.path("devices");
        assertThat(devices.size()).isEqualTo(2);
        for (JsonNode d : devices) {
            assertThat(d.path("gate").asText()).isEqualTo(d.path("device_id").asText().equals(northDevice)
                    ? "North" : "South");
            assertThat(d.path("accepted").asLong()).isEqualTo(2);
            assertThat(d.path("rejected").asLong()).isEqualTo(2);
            assertThat(d.path("last_scan_at").isTextual()).isTrue();
        }

        deleteThisRunsKeys();
        JsonNode rebuilt = statsOf(gate.staff);
        assertThat(summary(rebuilt)).isEqualTo(summary(live));
        // built again, the counters count on
        assertThat(scan(north, "still not a ticket", northSession, "n5")).isEqualTo("invalid");
        JsonNode after = statsOf(gate.staff);
        assertThat(after.path("rejected").asLong()).isEqualTo(5);
        assertThat(after.path("rejected_by_reason").path("invalid").asLong()).isEqualTo(3);
        assertThat(sum(after.path("per_minute"), "rejected")).isEqualTo(5);
    }

    @Test
    void aViewerMayReadAndAnotherOrganisationMayNot() {
        Api viewer = gate.admin.withToken(gate.admin.createToken(gate.org, "viewer"));
        assertThat(statsOf(viewer).path("event_id").asText()).isEqualTo(show.toString());
        UUID other = gate.admin.createOrg("Other " + UUID.randomUUID());
        Api otherStaff = gate.admin.withToken(gate.admin.createToken(other, "staff"));
        JsonNode problem = otherStaff.get(stats(other, "?event_id=" + show)).problem(404);
        assertThat(problem.path("code").asText()).isEqualTo("event_not_found");
    }

    @Test
    void aMissingOrMalformedEventIdIsABadRequest() {
        gate.staff.get(stats(gate.org, "")).problem(400);
        gate.staff.get(stats(gate.org, "?event_id=nope")).problem(400);
        gate.staff.get(stats(gate.org, "?event_id=" + UUID.randomUUID())).problem(404);
    }

    private static long sum(JsonNode minutes, String field) {
        long total = 0;
        for (JsonNode m : minutes) {
            total += m.path(field).asLong();
        }
        return total;
    }

    /** What must not change when Redis is rebuilt: counts by gate, device and reason (not the times). */
    private static Map<String, Long> summary(JsonNode stats) {
        Map<String, Long> out = new TreeMap<>();
        out.put("accepted", stats.path("accepted").asLong());
        out.put("rejected", stats.path("rejected").asLong());
        out.put("admitted", stats.path("admitted").asLong());
        out.put("minutes.accepted", sum(stats.path("per_minute"), "accepted"));
        out.put("minutes.rejected", sum(stats.path("per_minute"), "rejected"));
        stats.path("rejected_by_reason").properties().forEach(e -> out.put("reason." + e.getKey(),
                e.getValue().asLong()));
        for (JsonNode g : stats.path("gates")) {
            out.put("gate." + g.path("gate").asText() + ".accepted", g.path("accepted").asLong());
            out.put("gate." + g.path("gate").asText() + ".rejected", g.path("rejected").asLong());
            out.put("gate." + g.path("gate").asText() + ".minutes", sum(g.path("per_minute"), "accepted")
                    + sum(g.path("per_minute"), "rejected"));
        }
        for (JsonNode d : stats.path("devices")) {
            String key = "device." + d.path("device_id").asText() + "." + d.path("gate").asText();
            out.put(key + ".accepted", d.path("accepted").asLong());
            out.put(key + ".rejected", d.path("rejected").asLong());
        }
        return out;
    }

    /** Deletes only this run's keys (its prefix), as FLUSHALL would for this run. */
    private static void deleteThisRunsKeys() {
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            Set<String> keys = redis.client().keys(TestEnv.REDIS_PREFIX + "*");
            assertThat(keys).anyMatch(k -> k.contains(":stats"));
            redis.client().del(keys.toArray(String[]::new));
        }
    }
}
