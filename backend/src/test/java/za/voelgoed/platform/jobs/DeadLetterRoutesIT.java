package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/** The dead-letter queue over real HTTP and WebSocket: filing, paging, replay, discard, audit, isolation. */
class DeadLetterRoutesIT {

    static BackendNode node;
    static Api admin;
    static UUID orgA;
    static UUID orgB;
    static Api staffA;
    static Api staffB;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        TestWorkers.createEffectsTable();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_JOBS_BACKOFF_MS", "10",
                        "VOELGOED_JOBS_POLL_INTERVAL_MS", "200", "VOELGOED_NODE_ID", "dlq-node")),
                Extensions.none().withWorker(TestWorkers.failing()).withWorker(TestWorkers.flaky()));
        admin = new Api(node.port(), node.adminToken());
        orgA = admin.createOrg("Org A");
        orgB = admin.createOrg("Org B");
        staffA = admin.withToken(admin.createToken(orgA, "staff"));
        staffB = admin.withToken(admin.createToken(orgB, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static long fail(UUID org, String label) {
        return node.jobs().enqueue(JobRequest.of(TestWorkers.FAILING, org, Json.object().put("label", label)
                .put("card_number", "4111 1111 1111 1111"))).jobId();
    }

    private static JsonNode awaitDead(UUID org, long jobId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from dead_letters where job_id = ? and status = 'dead'", jobId) == 1);
        String id = Db.single("select id::text from dead_letters where job_id = ? and status = 'dead'", jobId).toString();
        return (org.equals(orgA) ? staffA : staffB).get(path(org) + "/" + id).json();
    }

    private static String path(UUID org) {
        return "/api/orgs/" + org + "/dlq";
    }

    @Test
    void aJobThatAlwaysFailsLandsInItsOrgsDlqWithEveryErrorAndScrubbedArgs() {
        long job = fail(orgA, "always");
        JsonNode entry = awaitDead(orgA, job);

        assertThat(entry.path("queue").asText()).isEqualTo("queue:org:" + orgA + ":dlq:ticket.sold");
        assertThat(entry.path("source_queue").asText()).isEqualTo("queue:org:" + orgA + ":notifications");
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("errors")).hasSize(3);
        assertThat(entry.path("errors").get(2).path("error").asText()).contains("mail server refused always");
        assertThat(entry.path("args").path("card_number").asText()).doesNotContain("4111");
        assertThat(entry.path("args").path("label").asText()).isEqualTo("always");
        assertThat(Db.count("select count(*) from dead_letter_audit where job_id = ? and action = 'dead'", job)).isEqualTo(1);
    }

    @Test
    void replayRunsTheJobAgainAndDiscardLeavesAnAuditRow() {
        String label = "flaky-" + java.util.UUID.randomUUID();
        TestWorkers.FAILING_LABELS.add(label); // before the enqueue: the node may run the job at once
        long job = node.jobs().enqueue(JobRequest.of(TestWorkers.FLAKY, orgA, Json.object().put("label", label)))
                .jobId();
        String id = awaitDead(orgA, job).path("id").asText();
        TestWorkers.FAILING_LABELS.remove(label);

        Api.Response replay = staffA.post(path(orgA) + "/" + id + "/replay", "{\"reason\":\"partner is back\"}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("replayed").get(0).path("job_id").asLong()).isEqualTo(job);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "completed".equals(Db.single("select state from jobs where id = ?", job)));
        assertThat(Db.count("select count(*) from test_job_effects where job_id = ?", job)).isEqualTo(1);
        assertThat(Db.rows("select action, actor, reason from dead_letter_audit where dead_letter_id = ?::uuid order by id", id))
                .extracting(r -> r.get(0)).containsExactly("dead", "replayed");

        long doomed = fail(orgA, "doomed");
        String doomedId = awaitDead(orgA, doomed).path("id").asText();
        Api.Response discard = staffA.post(path(orgA) + "/" + doomedId + "/discard", "{\"reason\":\"customer cancelled\"}");
        assertThat(discard.json().path("discarded").get(0).asText()).isEqualTo(doomedId);
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", doomedId)).isEqualTo("discarded");
        assertThat(Db.rows("select action, reason from dead_letter_audit where dead_letter_id = ?::uuid order by id", doomedId))
                .extracting(r -> r.get(0)).containsExactly("dead", "discarded");
        assertThat(Db.single("select reason from dead_letter_audit where dead_letter_id = ?::uuid and action = 'discarded'",
                doomedId)).isEqualTo("customer cancelled");
        assertThat(staffA.post(path(orgA) + "/" + doomedId + "/replay", "{\"reason\":\"too late\"}").json()
                .path("skipped").get(0).path("code").asText()).isEqualTo("not_dead");
    }

    @Test
    void aDryRunReportsEntriesWhoseEffectAlreadyHappenedAndChangesNothing() {
        long applied = fail(orgA, "applied");
        long pending = fail(orgA, "pending");
        String appliedId = awaitDead(orgA, applied).path("id").asText();
        String pendingId = awaitDead(orgA, pending).path("id").asText();
        TestEnv.exec("insert into job_effects (key, job_id) values ('job:" + applied + "', " + applied + ")");

        JsonNode dry = staffA.post(path(orgA) + "/replay", Json.write(Map.of("ids", List.of(appliedId, pendingId),
                "reason", "check before the real run", "dry_run", true))).json();

        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("replayed")).extracting(r -> r.path("id").asText()).containsExactly(pendingId);
        assertThat(dry.path("skipped").get(0).path("id").asText()).isEqualTo(appliedId);
        assertThat(dry.path("skipped").get(0).path("code").asText()).isEqualTo("effect_already_applied");
        assertThat(Db.count("select count(*) from dead_letters where id in (?::uuid, ?::uuid) and status = 'dead'",
                appliedId, pendingId)).isEqualTo(2);
        assertThat(Db.count("select count(*) from dead_letter_audit where action = 'replayed' and dead_letter_id in "
                + "(?::uuid, ?::uuid)", appliedId, pendingId)).isZero();
    }

    @Test
    void listFiltersAndPagesWithACursor() {
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(fail(orgB, "page-" + i));
        }
        jobs.forEach(j -> awaitDead(orgB, j));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = staffB.get(path(orgB) + "?worker=test.failing&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(item -> seen.add(item.path("job_id").asText()));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(jobs.stream().map(String::valueOf).toList());
        assertThat(staffB.get(path(orgB) + "?event_type=payment.authorized").json().path("items")).isEmpty();
        assertThat(staffB.get(path(orgB) + "?since=2999-01-01T00:00:00Z").json().path("items")).isEmpty();
        assertThat(staffB.get(path(orgB) + "?worker=test.failing&since=2000-01-01T00:00:00Z&until=2999-01-01T00:00:00Z")
                .json().path("items")).hasSize(jobs.size());
        assertThat(staffB.get(path(orgB) + "?until=2000-01-01T00:00:00Z").json().path("items")).isEmpty();
        var dryRun = staffB.post(path(orgB) + "/replay", "{\"reason\":\"time filter\",\"dry_run\":true,"
                + "\"filter\":{\"worker\":\"test.failing\",\"since\":\"2000-01-01T00:00:00Z\"}}").json();
        assertThat(dryRun.path("replayed")).hasSizeGreaterThanOrEqualTo(jobs.size());
        assertThat(staffB.get(path(orgB) + "?since=yesterday").status()).isEqualTo(400);
        assertThat(staffB.get(path(orgB) + "?cursor=garbage").problem(400).path("code").asText()).isEqualTo("invalid_cursor");
    }

    @Test
    void anotherOrgsTokenCannotListShowReplayOrDiscard() {
        long job = fail(orgA, "private");
        String id = awaitDead(orgA, job).path("id").asText();

        assertThat(staffB.get(path(orgA)).status()).isEqualTo(404);
        assertThat(staffB.get(path(orgA) + "/" + id).status()).isEqualTo(404);
        assertThat(staffB.post(path(orgA) + "/" + id + "/replay", "{\"reason\":\"steal\"}").status()).isEqualTo(404);
        assertThat(staffB.post(path(orgA) + "/" + id + "/discard", "{\"reason\":\"steal\"}").status()).isEqualTo(404);
        // through its own org's routes, B cannot reach A's entry either
        assertThat(staffB.get(path(orgB) + "/" + id).status()).isEqualTo(404);
        assertThat(staffB.post(path(orgB) + "/" + id + "/discard", "{\"reason\":\"steal\"}").json()
                .path("skipped").get(0).path("code").asText()).isEqualTo("not_found");
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("dead");
    }

    @Test
    void badRequestsGetProblemsAndChangeNothing() {
        long job = fail(orgA, "untouched");
        String id = awaitDead(orgA, job).path("id").asText();

        Api.Response noReason = staffA.post(path(orgA) + "/" + id + "/replay", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(staffA.post(path(orgA) + "/replay", "{\"reason\":\"both\",\"ids\":[\"" + id
                + "\"],\"filter\":{}}").status()).isEqualTo(422);
        assertThat(staffA.post(path(orgA) + "/replay", "{\"reason\":\"bad id\",\"ids\":[\"nope\"]}").problem(400)
                .path("code").asText()).isEqualTo("invalid_id");
        assertThat(staffA.get(path(orgA) + "/" + UUID.randomUUID()).problem(404).path("code").asText())
                .isEqualTo("dead_letter_not_found");
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("dead");
    }

    @Test
    void dlqChangesArePublishedOnTheOrgsAuditTopic() {
        try (WsProbe probe = new WsProbe(node.port(), staffA.token())) {
            probe.subscribe("audit:org:" + orgA);
            long job = fail(orgA, "watched");
            String id = awaitDead(orgA, job).path("id").asText();
            staffA.post(path(orgA) + "/" + id + "/discard", "{\"reason\":\"seen live\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> probe.events().stream()
                    .filter(e -> e.resourceId().toString().equals(id)).count() == 2);
            assertThat(probe.events().stream().filter(e -> e.resourceId().toString().equals(id)).map(e -> e.event()))
                    .containsExactly("dlq.entry_added.v1", "dlq.entry_discarded.v1");
        }
    }

    @Test
    void metricsShowJobsByQueueAndStateAndTheDlqDepth() {
        long job = fail(orgB, "metered");
        awaitDead(orgB, job);
        String queueTag = "queue=\"queue:org:" + orgB + ":notifications\"";
        // the per-queue counts are rolled up every few seconds, apart from the DLQ depth: wait for both
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            String text = Metrics.scrape(node);
            return text.contains("voelgoed_jobs_dlq_depth{event_type=\"ticket.sold\"") && text.contains(queueTag);
        });
        String metrics = Metrics.scrape(node);
        assertThat(metrics).contains("voelgoed_jobs{", "state=\"discarded\"", "queue=\"queue:org:" + orgB + ":notifications\"");
        assertThat(metrics).contains("voelgoed_jobs_execution_seconds_count{", "outcome=\"retry\"");
        assertThat(metrics).contains("voelgoed_jobs_discards_total{");
    }
}
