package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** One or two engines in this JVM against the real PostgreSQL: the job life cycle end to end. */
class JobEngineIT {

    JobHarness harness;
    final UUID org = UUID.randomUUID();

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

    private JobRequest effectJob(String label) {
        return JobRequest.of(TestWorkers.EFFECT, org, Json.object().put("label", label));
    }

    private static String state(long jobId) {
        return (String) Db.single("select state from jobs where id = ?", jobId);
    }

    @Test
    void aJobEnqueuedInARolledBackTransactionNeverExists() {
        assertThatThrownBy(() -> harness.db.dsl().transaction(cfg -> {
            harness.jobs.enqueue(cfg.dsl(), effectJob("lost"));
            throw new IllegalStateException("the domain action failed");
        })).hasMessageContaining("domain action failed");
        Enqueued kept = harness.db.dsl().transactionResult(cfg -> harness.jobs.enqueue(cfg.dsl(), effectJob("kept")));

        assertThat(Db.count("select count(*) from jobs")).isEqualTo(1);
        harness.engine("solo", Map.of()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(state(kept.jobId())));
        assertThat(Db.rows("select label from test_job_effects")).containsExactly(List.of("kept"));
    }

    @Test
    void argsThatMissTheWorkersShapeAreRefusedAtEnqueueAndNothingIsWritten() {
        assertThatThrownBy(() -> harness.jobs.enqueue(JobRequest.of(TestWorkers.EFFECT, org,
                Json.object().put("label", 5).put("lable", "typo"))))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("args.label must be string")
                .hasMessageContaining("args.lable is not a field of this worker");
        assertThatThrownBy(() -> harness.jobs.enqueue(JobRequest.of("no.such.worker", org, Json.object())))
                .isInstanceOf(InvalidJobException.class).hasMessageContaining("no worker named 'no.such.worker'");
        assertThat(Db.count("select count(*) from jobs")).isZero();
    }

    @Test
    void aCommitWakesAnotherNodesEngineThroughNotifyWithoutWaitingForItsPoll() {
        harness.engine("listener", Map.of("VOELGOED_JOBS_POLL_INTERVAL_MS", "60000")).start();
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        Enqueued job = harness.jobs.enqueue(effectJob("woken"));

        await().atMost(Duration.ofSeconds(5)).until(() -> "completed".equals(state(job.jobId())));
    }

    @Test
    void aNodeNeverRunsMoreJobsOfAKindThanItsConcurrencyLimit() {
        for (int i = 0; i < 8; i++) {
            harness.jobs.enqueue(JobRequest.of(TestWorkers.SLOW, org, Json.object().put("sleep_ms", 150)));
        }
        TestWorkers.MOST_SLOW_AT_ONCE.set(0);
        harness.engine("limited", Map.of("VOELGOED_JOBS_CONCURRENCY_REPORTING", "2")).start();
        // counted inside the worker: the jobs table may show a finished job as executing until its batched
        // acknowledgement lands, while the node already runs the next one
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from jobs where state = 'completed'") == 8);
        assertThat(TestWorkers.MOST_SLOW_AT_ONCE.get()).isEqualTo(2);
    }

    @Test
    void aUniqueKeyMakesOneJobOfADoubleEnqueue() {
        Enqueued first = harness.jobs.enqueue(effectJob("a").unique("capture", "pay-1"));
        Enqueued second = harness.jobs.enqueue(effectJob("a").unique("capture", "pay-1"));
        Enqueued other = harness.jobs.enqueue(effectJob("a").unique("capture", "pay-2"));

        assertThat(second.duplicate()).isTrue();
        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(other.duplicate()).isFalse();
        assertThat(Db.count("select count(*) from jobs")).isEqualTo(2);
    }

    @Test
    void uniqueKeysOfOneOrganisationNeverSuppressAnothersJobs() {
        UUID neighbour = UUID.randomUUID();
        Enqueued mine = harness.jobs.enqueue(effectJob("a").unique("capture", "pay-1"));
        Enqueued theirs = harness.jobs.enqueue(JobRequest.of(TestWorkers.EFFECT, neighbour,
                Json.object().put("label", "b")).unique("capture", "pay-1"));
        Enqueued theirsAgain = harness.jobs.enqueue(JobRequest.of(TestWorkers.EFFECT, neighbour,
                Json.object().put("label", "b")).unique("capture", "pay-1"));

        assertThat(theirs.duplicate()).as("same key, another organisation").isFalse();
        assertThat(theirs.jobId()).isNotEqualTo(mine.jobId());
        assertThat(theirsAgain.duplicate()).isTrue();
        assertThat(theirsAgain.jobId()).as("a duplicate answers with its own organisation's job").isEqualTo(theirs.jobId());
        assertThat(Db.count("select count(*) from jobs where organization_id = ?", neighbour)).isEqualTo(1);
    }

    @Test
    void aScheduledJobWaitsForItsTime() {
        Instant runAt = Instant.now().plusMillis(1_500);
        Enqueued job = harness.jobs.enqueue(effectJob("later").at(runAt));
        assertThat(state(job.jobId())).isEqualTo("scheduled");
        harness.engine("solo", Map.of()).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(state(job.jobId())));
        long ranMillis = Db.count("select (extract(epoch from at) * 1000)::bigint from test_job_effects");
        assertThat(Instant.ofEpochMilli(ranMillis)).isAfterOrEqualTo(runAt.minusMillis(1));
    }

    @Test
    void aFailingAttemptIsRetriedWithItsErrorKeptUntilItSucceeds() {
        Enqueued job = harness.jobs.enqueue(JobRequest.of(TestWorkers.FLAKY, org, Json.object().put("label", "x")));
        // fails exactly twice of its three attempts, however slowly the test thread watches
        TestWorkers.FAILURES_LEFT.put(job.jobId(), new java.util.concurrent.atomic.AtomicInteger(2));
        harness.engine("solo", Map.of()).start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(state(job.jobId())));
        assertThat(TestWorkers.FLAKY_RUNS.get(job.jobId()).get()).isEqualTo(3);
        var errors = Json.tree(Db.single("select errors::text from jobs where id = ?", job.jobId()).toString());
        assertThat(errors.size()).isEqualTo((int) Db.count("select attempt from jobs where id = ?", job.jobId()) - 1);
        assertThat(errors.get(0).path("error").asText()).contains("partner API answered 503");
        assertThat(errors.get(0).path("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void anAttemptPastItsTimeoutIsInterruptedAndCountsAsFailed() {
        Enqueued job = harness.jobs.enqueue(JobRequest.of(TestWorkers.SLOW, org, Json.object().put("sleep_ms", 60_000)));
        harness.engine("solo", Map.of()).start();

        await().atMost(Duration.ofSeconds(15)).until(() -> "discarded".equals(state(job.jobId())));
        var errors = Json.tree(Db.single("select errors::text from jobs where id = ?", job.jobId()).toString());
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("error").asText()).startsWith("timeout");
    }

    @Test
    void aPausedQueueIsNotServedUntilResumed() {
        harness.jobs.pause(new QueueName(org, QueueKind.PAYMENTS));
        Enqueued job = harness.jobs.enqueue(effectJob("held"));
        harness.engine("solo", Map.of()).start();

        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> "available".equals(state(job.jobId())));
        harness.jobs.resume(new QueueName(org, QueueKind.PAYMENTS));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(state(job.jobId())));
    }

    @Test
    void aRecurringJobRunsOncePerTickAcrossNodes() {
        RecurringJob everySecond = RecurringJob.of("heartbeat-report", "*/1 * * * * *",
                JobRequest.of(TestWorkers.EFFECT, org, Json.object().put("label", "tick")));
        harness.engine("node-a", Map.of()).schedule(everySecond).start();
        harness.engine("node-b", Map.of()).schedule(everySecond).start();

        await().atMost(Duration.ofSeconds(15)).until(() -> Db.count("select count(*) from test_job_effects") >= 4);
        List<List<Object>> keys = Db.rows("select unique_key from jobs order by unique_key");
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).allSatisfy(k -> assertThat(k.get(0).toString()).startsWith("recurring:heartbeat-report:"));
    }

    @Test
    void gracefulShutdownGivesBackAJobThatOutlivesTheGracePeriod() {
        Enqueued job = harness.jobs.enqueue(JobRequest.of(TestWorkers.SLOW, org, Json.object().put("sleep_ms", 400))
                .maxAttempts(5));
        JobEngine engine = harness.engine("leaving", Map.of("VOELGOED_JOBS_SHUTDOWN_GRACE_MS", "100"));
        engine.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> "executing".equals(state(job.jobId())));

        engine.close();
        assertThat(state(job.jobId())).isEqualTo("available");
        assertThat(Db.count("select attempt from jobs where id = ?", job.jobId())).isZero();
        assertThat(Db.count("select count(*) from job_nodes where node_id = 'leaving'")).isZero();
    }

    @Test
    void countersFollowEveryTransitionWithoutCountingTheTable() {
        for (int i = 0; i < 30; i++) {
            harness.jobs.enqueue(effectJob("n" + i));
        }
        harness.jobs.enqueue(JobRequest.of(TestWorkers.FAILING, org, Json.object().put("label", "bad")));
        harness.engine("solo", Map.of()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("queue:org:" + org + ":payments", "completed") == 30
                && counter(QueueName.deadLetterQueue(org, "ticket.sold"), "dead") == 1);

        assertThat(counter("queue:org:" + org + ":payments", "available")).isZero();
        assertThat(counter("queue:org:" + org + ":notifications", "discarded")).isEqualTo(1);
        assertThat(harness.jobs.queues(org)).filteredOn(q -> q.kind().equals("payments"))
                .singleElement().satisfies(q -> assertThat(q.counts()).containsEntry("completed", 30L));
    }

    private long counter(String queue, String state) {
        Housekeeping.rollUpCounts(harness.db.dsl());
        return Db.count("select coalesce(sum(count), 0) from job_counts where queue = ? and state = ?", queue, state);
    }

    @Test
    void pruningDeletesOnlyFinishedJobsOlderThanTheRetention() {
        Enqueued old = harness.jobs.enqueue(effectJob("old"));
        Enqueued fresh = harness.jobs.enqueue(effectJob("fresh"));
        Enqueued waiting = harness.jobs.enqueue(effectJob("waiting").in(Duration.ofHours(1)));
        TestEnv.exec("update jobs set state = 'completed', finished_at = now() - interval '8 days' where id = " + old.jobId());
        TestEnv.exec("update jobs set state = 'completed', finished_at = now() where id = " + fresh.jobId());

        assertThat(Housekeeping.prune(harness.db.dsl(), 168)).isEqualTo(1);
        assertThat(Db.rows("select id from jobs order by id"))
                .containsExactly(List.of(fresh.jobId()), List.of(waiting.jobId()));
    }

    @Test
    void aStaleClaimCannotCompleteAJobRescuedFromItsDeadNode() {
        Enqueued job = harness.jobs.enqueue(effectJob("contested"));
        NodeLiveness.heartbeat(harness.db.dsl(), "stalled");
        Claim stale = JobStore.claim(harness.db.dsl(), QueueKind.PAYMENTS, 1, "stalled").getFirst();
        TestEnv.exec("update job_nodes set heartbeat_at = now() - interval '1 minute' where node_id = 'stalled'");

        assertThat(NodeLiveness.rescue(harness.db.dsl(), 1_500).retried()).containsExactly(job.jobId());
        Claim fresh = JobStore.claim(harness.db.dsl(), QueueKind.PAYMENTS, 1, "survivor").getFirst();
        assertThat(fresh.claim()).isGreaterThan(stale.claim());

        assertThat(JobStore.complete(harness.db.dsl(), List.of(stale))).containsExactly(job.jobId());
        assertThat(state(job.jobId())).isEqualTo("executing");
        assertThat(JobStore.complete(harness.db.dsl(), List.of(fresh))).isEmpty();
        assertThat(state(job.jobId())).isEqualTo("completed");
        assertThat(JobStore.retry(harness.db.dsl(), stale, Json.object(), 10)).isFalse();
    }
}
