package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Jobs of a node that died mid-attempt: the lost attempt counts, so a job on its last attempt goes to the
 * dead-letter queue instead of running once more than its maximum; a job with attempts left runs again.
 * A dead node is simulated as JobEngineIT does: a job row executing under a node whose heartbeat is stale.
 */
class JobRescueIT {

    JobHarness harness;
    final UUID org = UUID.randomUUID();
    final RecordingTelemetry telemetry = new RecordingTelemetry();

    @BeforeEach
    void open() {
        TestEnv.truncateAll();
        TestWorkers.createEffectsTable();
        TestEnv.exec("truncate test_job_effects");
        harness = new JobHarness(TestWorkers.registry());
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aJobRescuedOnItsLastAttemptIsDeadLetteredWhileOneWithAttemptsLeftRunsAgain() {
        Enqueued last = harness.jobs.enqueue(effectJob("last").maxAttempts(2));
        Claim first = claimOn("flaky-node");
        assertThat(JobStore.retry(harness.db.dsl(), first, Json.object().put("attempt", 1).put("error", "boom"), 0))
                .isTrue();
        claimOn("doomed");
        Enqueued spare = harness.jobs.enqueue(effectJob("spare").maxAttempts(2));
        claimOn("doomed");
        TestEnv.exec("update job_nodes set heartbeat_at = now() - interval '1 minute' where node_id = 'doomed'");

        engine("survivor").start();
        await().atMost(Duration.ofSeconds(15)).until(() -> "discarded".equals(state(last.jobId()))
                && "completed".equals(state(spare.jobId())));

        assertDeadLetteredAfter(last.jobId(), 2, "doomed");
        assertThat(Db.single("select node from test_job_effects where job_id = ?", spare.jobId())).isEqualTo("test");
        assertThat(Db.count("select attempt from jobs where id = ?", spare.jobId())).isEqualTo(2);
        assertThat(Db.single("select errors->0->>'error' from jobs where id = ?", spare.jobId()))
                .isEqualTo("rescued: node doomed stopped heartbeating");
        // the meters follow the commits they report
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(telemetry.rescued.get()).isEqualTo(2);
            assertThat(telemetry.outcomes).containsExactlyInAnyOrder(last.jobId() + ":discarded",
                    spare.jobId() + ":completed");
        });
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() ->
                Db.count("select attempt from jobs where id = ?", last.jobId()) == 2);
    }

    @Test
    void twoNodesRescuingTheSameLastAttemptsBuryEachJobOnce() {
        for (int i = 0; i < 20; i++) {
            harness.jobs.enqueue(effectJob("once-" + i).maxAttempts(1));
        }
        NodeLiveness.heartbeat(harness.db.dsl(), "doomed");
        assertThat(JobStore.claim(harness.db.dsl(), QueueKind.PAYMENTS, 20, "doomed")).hasSize(20);
        TestEnv.exec("update job_nodes set heartbeat_at = now() - interval '1 minute' where node_id = 'doomed'");

        engine("rescuer-a").start();
        engine("rescuer-b").start();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                Db.count("select count(*) from jobs where state = 'discarded'") == 20);

        assertThat(Db.count("select count(*) from dead_letters")).isEqualTo(20);
        assertThat(Db.count("select count(distinct job_id) from dead_letters where attempts = 1")).isEqualTo(20);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'dlq.entry_added.v1'"))
                .isEqualTo(20);
        assertThat(Db.count("select count(*) from test_job_effects")).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(telemetry.rescued.get()).isEqualTo(20);
            assertThat(telemetry.outcomes).hasSize(20).allSatisfy(o -> assertThat(o).endsWith(":discarded"));
        });
    }

    /** Dead-lettered through the normal path after exactly {@code attempts}, the last lost with {@code node}. */
    private static void assertDeadLetteredAfter(long jobId, int attempts, String node) {
        assertThat(Db.count("select attempt from jobs where id = ?", jobId)).isEqualTo(attempts);
        assertThat(Db.count("select count(*) from test_job_effects where job_id = ?", jobId)).isZero();
        assertThat(Db.count("select attempts from dead_letters where job_id = ?", jobId)).isEqualTo(attempts);
        var errors = Json.tree(Db.single("select errors::text from dead_letters where job_id = ?", jobId).toString());
        assertThat(errors).hasSize(attempts);
        assertThat(errors.get(attempts - 1).path("attempt").asInt()).isEqualTo(attempts);
        assertThat(errors.get(attempts - 1).path("node").asText()).isEqualTo(node);
        assertThat(errors.get(attempts - 1).path("error").asText())
                .startsWith("rescued: node " + node + " stopped heartbeating");
        assertThat(Db.count("select count(*) from dead_letter_audit where job_id = ? and action = 'dead'", jobId))
                .isEqualTo(1);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'dlq.entry_added.v1'"))
                .isEqualTo(1);
    }

    private JobRequest effectJob(String label) {
        return JobRequest.of(TestWorkers.EFFECT, org, Json.object().put("label", label));
    }

    private Claim claimOn(String node) {
        NodeLiveness.heartbeat(harness.db.dsl(), node);
        List<Claim> claims = JobStore.claim(harness.db.dsl(), QueueKind.PAYMENTS, 1, node);
        assertThat(claims).hasSize(1);
        return claims.getFirst();
    }

    private JobEngine engine(String node) {
        return harness.engine(node, Map.of(), DeadLetterRetention.KEEP_FOREVER, telemetry);
    }

    private static String state(long jobId) {
        return (String) Db.single("select state from jobs where id = ?", jobId);
    }

    /** Counts rescues and records each attempt's outcome as {@code job:outcome}. */
    static final class RecordingTelemetry implements JobTelemetry {
        final AtomicInteger rescued = new AtomicInteger();
        final ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();

        @Override
        public void started(Claim job, Duration waited) {
        }

        @Override
        public void finished(Claim job, Duration took, String outcome) {
            outcomes.add(job.jobId() + ":" + outcome);
        }

        @Override
        public void rescued(int jobs) {
            rescued.addAndGet(jobs);
        }

        @Override
        public void deadLettersPurged(UUID organizationId, String status, int count) {
        }

        @Override
        public void counts(List<QueueCount> counts) {
        }
    }
}
