package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** Pausing and resuming an organisation's queue over HTTP, at run time, and who may do it. */
class QueueRoutesIT {

    static BackendNode node;
    static UUID org;
    static Api staff;
    static Api viewer;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        TestWorkers.createEffectsTable();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_JOBS_POLL_INTERVAL_MS", "200",
                "VOELGOED_NODE_ID", "queues")), Extensions.none().withWorker(TestWorkers.effect(Duration.ZERO, "queues")));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Queues");
        staff = admin.withToken(admin.createToken(org, "staff"));
        viewer = admin.withToken(admin.createToken(org, "viewer"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aPausedQueueHoldsItsJobsUntilResumedAndViewersMayOnlyLook() {
        String base = "/api/orgs/" + org + "/queues";
        assertThat(viewer.post(base + "/payments/pause", "{}").status()).isEqualTo(403);
        JsonNode paused = staff.post(base + "/payments/pause", "{}").json();
        assertThat(paused.path("name").asText()).isEqualTo("queue:org:" + org + ":payments");
        assertThat(paused.path("paused").asBoolean()).isTrue();

        long job = node.jobs().enqueue(JobRequest.of(TestWorkers.EFFECT, org, Json.object().put("label", "wait"))).jobId();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() ->
                "available".equals(Db.single("select state from jobs where id = ?", job)));

        assertThat(staff.post(base + "/payments/resume", "{}").json().path("paused").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(Db.single("select state from jobs where id = ?", job)));
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.get(base).json().path("items").findValues("counts")
                .stream().anyMatch(c -> c.path("completed").asLong() == 1));
        assertThat(staff.post(base + "/lottery/pause", "{}").problem(404).path("code").asText()).isEqualTo("queue_not_found");
    }
}
