package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Worker processes killed with {@code kill -9} or frozen with {@code SIGSTOP}: every job still completes
 * once, each effect exists exactly once (a primary key in the effects table would refuse a second), and a
 * frozen worker that wakes after its job was rescued has its late completion refused.
 */
class JobCrashIT {

    static final int JOBS = 10_000;

    final List<Process> children = new ArrayList<>();
    JobHarness harness;
    final UUID org = UUID.randomUUID();

    @BeforeEach
    void open() {
        TestEnv.truncateAll();
        TestWorkers.createEffectsTable();
        TestEnv.exec("truncate test_job_effects");
        harness = new JobHarness(new WorkerRegistry().register(TestWorkers.effect(Duration.ZERO, "survivor")));
    }

    @AfterEach
    void close() {
        children.forEach(p -> {
            signal(p, "CONT");
            p.destroyForcibly();
        });
        harness.close();
    }

    @Test
    void tenThousandJobsOverThreeProcessesOneKilledHalfwayAllCompleteOnce() throws Exception {
        harness.jobs.enqueueAll(IntStream.range(0, JOBS)
                .mapToObj(i -> JobRequest.of(TestWorkers.EFFECT, org, Json.object().put("label", "job-" + i))).toList());
        Process victim = start("worker-1", "2");
        start("worker-2", "2");
        start("worker-3", "2");

        await().atMost(Duration.ofSeconds(120)).until(() -> effects() >= JOBS / 2);
        victim.destroyForcibly().waitFor();
        long executingOnVictim = Db.count("select count(*) from jobs where state = 'executing' and attempted_by = 'worker-1'");

        await().atMost(Duration.ofSeconds(180)).until(() ->
                Db.count("select count(*) from jobs where state = 'completed'") == JOBS);
        assertThat(effects()).isEqualTo(JOBS);
        assertThat(Db.count("select count(*) from job_effects")).isEqualTo(JOBS);
        assertThat(Db.count("select count(distinct label) from test_job_effects")).isEqualTo(JOBS);
        assertThat(Db.count("select count(*) from test_job_effects where node = 'worker-1'")).isPositive();
        // the jobs the victim held were rescued and finished by a survivor, with the rescue on record
        assertThat(Db.count("select count(*) from jobs where errors::text like '%rescued: node worker-1%'"))
                .isGreaterThanOrEqualTo(executingOnVictim);
    }

    @Test
    void aFrozenWorkersLateCompletionIsRefusedAfterTheRescue() throws Exception {
        Enqueued job = harness.jobs.enqueue(JobRequest.of(TestWorkers.EFFECT, org, Json.object().put("label", "contested")));
        Process frozen = start("frozen", "3000");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from jobs where state = 'executing' and attempted_by = 'frozen'") == 1);
        signal(frozen, "STOP");

        harness.engine("survivor", Map.of()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> effects() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "completed".equals(Db.single("select state from jobs where id = ?", job.jobId())));
        assertThat(Db.single("select node from test_job_effects")).isEqualTo("survivor");

        signal(frozen, "CONT");
        Path log = Path.of("target/frozen.log");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Files.readString(log).contains("job_completion_fenced job=" + job.jobId()));
        assertThat(effects()).isEqualTo(1);
        assertThat(Db.single("select attempted_by from jobs where id = ?", job.jobId())).isEqualTo("survivor");
    }

    private Process start(String nodeId, String effectDelayMs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(JobWorkerProcess.command());
        pb.environment().putAll(JobWorkerProcess.env(TestEnv.DB_URL, nodeId));
        pb.environment().put("EFFECT_DELAY_MS", effectDelayMs);
        pb.redirectErrorStream(true).redirectOutput(new File("target/" + nodeId + ".log"));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static void signal(Process p, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long effects() {
        return Db.count("select count(*) from test_job_effects");
    }
}
