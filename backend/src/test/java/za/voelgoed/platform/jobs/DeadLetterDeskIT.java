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
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.WsProbe;

/**
 * What the console's DLQ desk needs beyond the list: the audit trail (paged, filtered), a discard dry run,
 * the counts of a bulk action, and queue pause/resume seen live on the audit topic.
 */
class DeadLetterDeskIT {

    static BackendNode node;
    static Api admin;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        TestWorkers.createEffectsTable();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_JOBS_BACKOFF_MS", "10",
                        "VOELGOED_JOBS_POLL_INTERVAL_MS", "200", "VOELGOED_NODE_ID", "dlq-desk")),
                Extensions.none().withWorker(TestWorkers.failing()));
        admin = new Api(node.port(), node.adminToken());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private record Tenant(UUID org, Api staff, Api viewer, String staffToken) {
    }

    private static Tenant tenant(String name) {
        UUID org = admin.createOrg(name);
        String staff = admin.createToken(org, "staff");
        return new Tenant(org, admin.withToken(staff), admin.withToken(admin.createToken(org, "viewer")), staff);
    }

    private static String dead(UUID org, String label) {
        long job = node.jobs().enqueue(JobRequest.of(TestWorkers.FAILING, org, Json.object().put("label", label)))
                .jobId();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from dead_letters where job_id = ? and status = 'dead'", job) == 1);
        return Db.single("select id::text from dead_letters where job_id = ?", job).toString();
    }

    private static String dlq(UUID org) {
        return "/api/orgs/" + org + "/dlq";
    }

    @Test
    void theAuditTrailPagesNewestFirstAndFiltersByEntryAndAction() {
        Tenant t = tenant("Audit");
        Tenant other = tenant("Audit elsewhere");
        List<String> ids = List.of(dead(t.org(), "a"), dead(t.org(), "b"), dead(t.org(), "c"));
        dead(other.org(), "not mine");
        for (String id : ids.subList(0, 2)) {
            assertThat(t.staff().post(dlq(t.org()) + "/" + id + "/discard", "{\"reason\":\"customer cancelled\"}")
                    .status()).isEqualTo(200);
        }

        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = t.viewer().get(dlq(t.org()) + "/audit?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.path("items").size()).isLessThanOrEqualTo(2);
            body.path("items").forEach(all::add);
            cursor = body.path("next_cursor").isTextual() ? body.path("next_cursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(i -> i.path("action").asText())
                .containsExactly("discarded", "discarded", "dead", "dead", "dead");
        assertThat(all).extracting(i -> i.path("id").asLong()).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        JsonNode newest = all.get(0);
        assertThat(newest.properties()).extracting(Map.Entry::getKey).containsExactly("id", "dead_letter_id",
                "action", "actor", "reason", "job_id", "queue", "event_type", "worker", "at");
        assertThat(newest.path("dead_letter_id").asText()).isEqualTo(ids.get(1));
        assertThat(newest.path("reason").asText()).isEqualTo("customer cancelled");
        assertThat(newest.path("actor").asText()).isNotBlank();
        assertThat(newest.path("queue").asText()).isEqualTo("queue:org:" + t.org() + ":dlq:ticket.sold");
        assertThat(newest.path("event_type").asText()).isEqualTo("ticket.sold");
        assertThat(newest.path("worker").asText()).isEqualTo(TestWorkers.FAILING);

        JsonNode discards = t.viewer().get(dlq(t.org()) + "/audit?action=discarded").json();
        assertThat(discards.path("items")).extracting(i -> i.path("dead_letter_id").asText())
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(discards.path("next_cursor").isNull()).isTrue();
        JsonNode ofOne = t.viewer().get(dlq(t.org()) + "/audit?dead_letter_id=" + ids.get(0)).json();
        assertThat(ofOne.path("items")).extracting(i -> i.path("action").asText()).containsExactly("discarded", "dead");

        assertThat(t.viewer().get(dlq(t.org()) + "/audit?action=eaten").problem(400).path("code").asText())
                .isEqualTo("invalid_query");
        assertThat(t.viewer().get(dlq(t.org()) + "/audit?cursor=garbage").problem(400).path("code").asText())
                .isEqualTo("invalid_cursor");
        assertThat(t.viewer().get(dlq(t.org()) + "/audit?dead_letter_id=nope").status()).isEqualTo(400);
        assertThat(t.viewer().get(dlq(t.org()) + "/audit?limit=0").status()).isEqualTo(400);
        assertThat(other.staff().get(dlq(t.org()) + "/audit").problem(404).path("code").asText())
                .isEqualTo("org_not_found");
    }

    @Test
    void aDiscardDryRunSaysWhatWouldGoAndChangesNothing() {
        Tenant t = tenant("Dry discard");
        String id = dead(t.org(), "keep me");
        long eventsBefore = Db.count("select count(*) from domain_events where organization_id = ?", t.org());

        Api.Response dry = t.staff().post(dlq(t.org()) + "/" + id + "/discard",
                "{\"reason\":\"just looking\",\"dry_run\":true}");
        assertThat(dry.status()).isEqualTo(200);
        JsonNode body = dry.json();
        assertThat(body.path("dry_run").asBoolean()).isTrue();
        assertThat(body.path("discarded")).extracting(JsonNode::asText).containsExactly(id);
        assertThat(body.path("skipped")).isEmpty();
        assertThat(body.path("summary").path("would_discard").asInt()).isEqualTo(1);
        assertThat(body.path("summary").has("discarded")).isFalse();
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("dead");
        assertThat(Db.count("select count(*) from dead_letter_audit where dead_letter_id = ?::uuid", id)).isEqualTo(1);
        assertThat(Db.count("select count(*) from domain_events where organization_id = ?", t.org()))
                .isEqualTo(eventsBefore);

        JsonNode real = t.staff().post(dlq(t.org()) + "/" + id + "/discard", "{\"reason\":\"now for real\"}").json();
        assertThat(real.path("dry_run").asBoolean()).isFalse();
        assertThat(real.path("summary").path("discarded").asInt()).isEqualTo(1);
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("discarded");
    }

    @Test
    void aBulkActionByFilterCountsWhatWouldRunAndWhatWouldBeSkippedByReason() {
        Tenant t = tenant("Bulk");
        String applied = dead(t.org(), "applied");
        dead(t.org(), "pending 1");
        dead(t.org(), "pending 2");
        long appliedJob = (Long) Db.single("select job_id from dead_letters where id = ?::uuid", applied);
        TestEnv.exec("insert into job_effects (key, job_id) values ('job:" + appliedJob + "', " + appliedJob + ")");
        String filter = "\"filter\":{\"worker\":\"" + TestWorkers.FAILING + "\"}";

        Api.Response replay = t.staff().post(dlq(t.org()) + "/replay", "{\"reason\":\"count first\",\"dry_run\":true,"
                + filter + "}");
        assertThat(replay.status()).isEqualTo(200);
        JsonNode summary = replay.json().path("summary");
        assertThat(summary.path("would_run").asInt()).isEqualTo(2);
        assertThat(summary.has("replayed")).isFalse();
        assertThat(summary.path("skipped").asInt()).isEqualTo(1);
        assertThat(summary.path("skipped_by_code")).isEqualTo(Json.tree("{\"effect_already_applied\":1}"));
        assertThat(summary.path("more").asBoolean()).isFalse();

        JsonNode discard = t.staff().post(dlq(t.org()) + "/discard", "{\"reason\":\"count first\",\"dry_run\":true,"
                + filter + "}").json();
        assertThat(discard.path("summary").path("would_discard").asInt()).isEqualTo(3);
        assertThat(discard.path("summary").path("skipped").asInt()).isZero();
        assertThat(Db.count("select count(*) from dead_letters where organization_id = ? and status = 'dead'", t.org()))
                .isEqualTo(3);
    }

    @Test
    void pausingAndResumingAQueueIsAnnouncedOnTheAuditTopicInOrder() {
        Tenant t = tenant("Queues");
        String queues = "/api/orgs/" + t.org() + "/queues";
        try (WsProbe console = new WsProbe(node.port(), t.staffToken())) {
            assertThat(console.subscribe("audit:org:" + t.org())).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(t.viewer().post(queues + "/reporting/pause", "{}").status()).isEqualTo(403);
            assertThat(t.staff().post(queues + "/reporting/pause", "{}").status()).isEqualTo(200);
            assertThat(t.staff().post(queues + "/reporting/resume", "{}").status()).isEqualTo(200);

            EventMessage paused = console.await(ServerFrame.Event.class,
                    e -> e.message().event().equals("queue.paused.v1")).message();
            EventMessage resumed = console.await(ServerFrame.Event.class,
                    e -> e.message().event().equals("queue.resumed.v1")).message();
            assertThat(paused.data().path("queue").asText()).isEqualTo("queue:org:" + t.org() + ":reporting");
            assertThat(paused.data().path("kind").asText()).isEqualTo("reporting");
            assertThat(paused.data().path("paused").asBoolean()).isTrue();
            assertThat(paused.data().path("actor").asText()).isNotBlank();
            assertThat(resumed.data().path("paused").asBoolean()).isFalse();
            assertThat(resumed.resourceType()).isEqualTo("job_queue");
            assertThat(resumed.resourceId()).isEqualTo(paused.resourceId());
            assertThat(resumed.seq()).isEqualTo(paused.seq() + 1);
            assertThat(console.events()).filteredOn(m -> m.event().startsWith("queue.")).hasSize(2);
        }
        assertThat(Db.count("select count(*) from domain_events where organization_id = ?"
                + " and event_type like 'queue.%'", t.org())).isEqualTo(2);
    }
}
