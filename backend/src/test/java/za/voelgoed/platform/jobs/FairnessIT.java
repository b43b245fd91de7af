package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** A flash sale floods one organisation's queue; another organisation's jobs are still served at once. */
class FairnessIT {

    JobHarness harness;

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
    void tenJobsOfOrgBFinishBeforeTheBacklogOfFiveThousandOfOrgADrains() {
        UUID orgA = UUID.randomUUID();
        UUID orgB = UUID.randomUUID();
        harness.engine("fair", Map.of("VOELGOED_JOBS_CONCURRENCY_SCANNING", "10")).start();
        harness.jobs.enqueueAll(IntStream.range(0, 5_000).mapToObj(i ->
                JobRequest.of(TestWorkers.RECORDING, orgA, Json.object().put("label", "a" + i))).toList());
        harness.jobs.enqueueAll(IntStream.range(0, 10).mapToObj(i ->
                JobRequest.of(TestWorkers.RECORDING, orgB, Json.object().put("label", "b" + i))).toList());

        await().atMost(Duration.ofSeconds(60)).until(() -> done(orgB) == 10);
        long aDoneWhenBFinished = done(orgA);
        assertThat(aDoneWhenBFinished).isLessThan(2_500);

        await().atMost(Duration.ofSeconds(120)).until(() -> done(orgA) == 5_000);
        long aFinishedAfterB = Db.count("select count(*) from test_job_effects where label = ? and at > "
                + "(select max(at) from test_job_effects where label = ?)", orgA.toString(), orgB.toString());
        assertThat(aFinishedAfterB).isGreaterThan(2_500);
    }

    private static long done(UUID org) {
        return Db.count("select count(*) from test_job_effects where label = ?", org.toString());
    }
}
