package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/** {@code POST /api/orgs/{org}/dlq/purge}: dry run, real run, audit and event, isolation, refusals. */
class DeadLetterPurgeIT {

    static BackendNode node;
    static Api admin;
    static UUID orgA;
    static UUID orgB;
    static Api staffA;
    static Api staffB;
    static Api viewerA;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config());
        admin = new Api(node.port(), node.adminToken());
        orgA = admin.createOrg("Purge A");
        orgB = admin.createOrg("Purge B");
        staffA = admin.withToken(admin.createToken(orgA, "staff"));
        staffB = admin.withToken(admin.createToken(orgB, "staff"));
        viewerA = admin.withToken(admin.createToken(orgA, "viewer"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String purgePath(UUID org) {
        return "/api/orgs/" + org + "/dlq/purge";
    }

    private static String body(String status, Instant olderThan, String reason, boolean dryRun) {
        var body = Json.object().put("older_than", olderThan.toString()).put("reason", reason).put("dry_run", dryRun);
        return Json.write(status == null ? body : body.put("status", status));
    }

    private static long purgeRecords(UUID org) {
        return Db.count("select count(*) from dead_letter_purges where organization_id = ?", org);
    }

    @Test
    void aDryRunCountsAndChangesNothing() {
        UUID org = admin.createOrg("Purge dry");
        Api staff = admin.withToken(admin.createToken(org, "staff"));
        List<UUID> old = List.of(DeadLetterRows.entry(org, "discarded", 10), DeadLetterRows.entry(org, "replayed", 12),
                DeadLetterRows.entry(org, "dead", 10));
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));

        assertThat(staff.post(purgePath(org), body(null, dayAgo, "GDPR request 7", true)).json())
                .isEqualTo(Json.tree("{\"dry_run\":true,\"purged\":2,\"more\":false}"));
        assertThat(staff.post(purgePath(org), body("all", dayAgo, "GDPR request 7", true)).json()
                .path("purged").asInt()).isEqualTo(3);
        assertThat(old).allMatch(DeadLetterRows::exists);
        assertThat(purgeRecords(org)).isZero();
        assertThat(Db.count("select count(*) from domain_events where organization_id = ? and event_type = "
                + "'dlq.purged.v1'", org)).isZero();
    }

    @Test
    void theRealRunDeletesEntriesAndTheirDiscardedJobsRecordsAndAnnouncesIt() {
        UUID org = admin.createOrg("Purge real");
        Api staff = admin.withToken(admin.createToken(org, "staff"));
        List<UUID> old = List.of(DeadLetterRows.entry(org, "discarded", 10), DeadLetterRows.entry(org, "discarded", 12),
                DeadLetterRows.entry(org, "replayed", 10, DeadLetterRows.job(org, "completed")));
        UUID openOld = DeadLetterRows.entry(org, "dead", 10);
        UUID young = DeadLetterRows.entry(org, "discarded", 0.01);
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));

        try (WsProbe probe = new WsProbe(node.port(), staff.token())) {
            assertThat(probe.subscribe("audit:org:" + org)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(staff.post(purgePath(org), body(null, dayAgo, "GDPR request 7, card 4111 1111 1111 1111",
                    false)).json()).isEqualTo(Json.tree("{\"dry_run\":false,\"purged\":3,\"more\":false}"));
            var event = probe.await(ServerFrame.Event.class, f -> f.message().event().equals("dlq.purged.v1"));
            assertThat(event.message().data().path("purged").asInt()).isEqualTo(3);
            assertThat(event.message().data().path("status").asText()).isEqualTo("resolved");
        }
        assertThat(old).noneMatch(DeadLetterRows::exists);
        assertThat(DeadLetterRows.exists(openOld)).as("open entries need status dead or all").isTrue();
        assertThat(DeadLetterRows.exists(young)).isTrue();
        assertThat(Db.count("select count(*) from jobs where organization_id = ? and state <> 'completed'", org))
                .as("the discarded jobs of the open and the young entry").isEqualTo(2);
        assertThat(Db.rows("select status, purged, reason, older_than = ?::timestamptz from dead_letter_purges"
                + " where organization_id = ?", dayAgo.toString(), org)).containsExactly(
                List.of("resolved", 3, "GDPR request 7, card [redacted-pan]", true));
        assertThat(staff.post(purgePath(org), body("dead", dayAgo, "open ones too", false)).json()
                .path("purged").asInt()).isEqualTo(1);
        assertThat(DeadLetterRows.exists(openOld)).isFalse();
    }

    @Test
    void anOrgsPurgeNeverTouchesAnotherOrgsEntries() {
        UUID entryA = DeadLetterRows.entry(orgA, "discarded", 3);
        UUID openA = DeadLetterRows.entry(orgA, "dead", 3);
        UUID entryB = DeadLetterRows.entry(orgB, "discarded", 3);
        Instant now = Instant.now().minusSeconds(1);

        JsonNode purged = staffB.post(purgePath(orgB), body("all", now, "clean slate", false)).json();
        assertThat(purged.path("purged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(DeadLetterRows.exists(entryB)).isFalse();
        assertThat(DeadLetterRows.exists(entryA)).isTrue();
        assertThat(DeadLetterRows.exists(openA)).isTrue();

        assertThat(staffB.post(purgePath(orgA), body("all", now, "not mine", false)).status()).isEqualTo(404);
        assertThat(viewerA.post(purgePath(orgA), body("all", now, "viewers read", false)).status()).isEqualTo(403);
        assertThat(DeadLetterRows.exists(entryA)).isTrue();
        assertThat(DeadLetterRows.exists(openA)).isTrue();
        assertThat(Db.count("select count(*) from dead_letter_purges where organization_id = ? and purged > 0", orgA))
                .isZero();
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        UUID entry = DeadLetterRows.entry(orgA, "discarded", 400);
        long records = purgeRecords(orgA);
        String past = Instant.now().minus(Duration.ofDays(1)).toString();
        String future = Instant.now().plus(Duration.ofDays(1)).toString();

        for (String bad : List.of("{\"reason\":\"no cut-off\"}",
                "{\"older_than\":\"" + future + "\",\"reason\":\"in the future\"}",
                "{\"older_than\":\"last tuesday\",\"reason\":\"not an instant\"}",
                "{\"older_than\":\"" + past + "\",\"status\":\"replayed\",\"reason\":\"unknown status\"}",
                "{\"older_than\":\"" + past + "\",\"status\":\"\",\"reason\":\"empty status\"}",
                "{\"older_than\":\"" + past + "\",\"reason\":\"x\"}",
                "{\"older_than\":\"" + past + "\"}")) {
            JsonNode problem = staffA.post(purgePath(orgA), bad).problem(422);
            assertThat(problem.path("errors")).isNotEmpty();
            assertThat(problem.toString()).doesNotContain("last tuesday").doesNotContain(future);
        }
        assertThat(staffA.post(purgePath(orgA), "{\"older_than\":").problem(400).path("code").asText())
                .isEqualTo("malformed_json");
        assertThat(staffA.post(purgePath(orgA), "[]").problem(400).path("code").asText()).isEqualTo("malformed_json");
        assertThat(staffA.post(purgePath(orgA), "{\"older_than\":\"" + past + "\",\"reason\":\"flag\",\"dry_run\":"
                + "\"perhaps\"}").problem(400).path("code").asText()).isEqualTo("malformed_json");

        assertThat(DeadLetterRows.exists(entry)).isTrue();
        assertThat(purgeRecords(orgA)).isEqualTo(records);
    }
}
