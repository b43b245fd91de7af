package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.telemetry.MicrometerJobTelemetry;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * The engine's upkeep deletes dead letters past their retention — resolved ones after 30 days, open
 * ones after 90 — of every organisation, with their discarded jobs, and keeps everything younger.
 */
class DeadLetterRetentionIT {

    static final UUID ORG_A = UUID.randomUUID();
    static final UUID ORG_B = UUID.randomUUID();

    static JobHarness harness;
    static SimpleMeterRegistry meters = new SimpleMeterRegistry();
    static UUID resolvedOld;
    static UUID replayedOld;
    static UUID resolvedYoung;
    static UUID openYoung;
    static UUID openOld;
    static UUID openOldB;
    static UUID resolvedYoungB;
    static UUID replayedOldB;
    static UUID openAgainB;
    static long replayedJob;
    static long againJob;

    /** Entries of two organisations on both sides of each retention, then an engine's first upkeep pass. */
    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        harness = new JobHarness(TestWorkers.registry());
        resolvedOld = DeadLetterRows.entry(ORG_A, "discarded", 31);
        replayedJob = DeadLetterRows.job(ORG_A, "completed");
        replayedOld = DeadLetterRows.entry(ORG_A, "replayed", 31, replayedJob);
        resolvedYoung = DeadLetterRows.entry(ORG_A, "discarded", 29);
        openYoung = DeadLetterRows.entry(ORG_A, "dead", 89);
        openOld = DeadLetterRows.entry(ORG_A, "dead", 91);
        openOldB = DeadLetterRows.entry(ORG_B, "dead", 91.5);
        resolvedYoungB = DeadLetterRows.entry(ORG_B, "discarded", 5);
        // replayed long ago, failed again since: the job is discarded but its newer entry still needs it
        againJob = DeadLetterRows.job(ORG_B, "discarded");
        replayedOldB = DeadLetterRows.entry(ORG_B, "replayed", 40, againJob);
        openAgainB = DeadLetterRows.entry(ORG_B, "dead", 1, againJob);
        TestEnv.exec("insert into dead_letter_audit (dead_letter_id, organization_id, action, actor, reason, job_id)"
                + " values ('" + openOld + "', '" + ORG_A + "', 'dead', 'system', 'mail server refused old', 1)");
        harness.engine("retention-node", Map.of(), new DeadLetterRetention(30, 90),
                new MicrometerJobTelemetry(meters)).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from dead_letter_purges") == 4);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void expiredEntriesOfEveryOrgGoWithTheirJobsAndYoungerOnesStay() {
        assertThat(DeadLetterRows.exists(resolvedOld)).isFalse();
        assertThat(DeadLetterRows.exists(replayedOld)).isFalse();
        assertThat(DeadLetterRows.exists(openOld)).isFalse();
        assertThat(DeadLetterRows.exists(openOldB)).isFalse();
        assertThat(DeadLetterRows.exists(replayedOldB)).isFalse();
        assertThat(DeadLetterRows.exists(resolvedYoung)).isTrue();
        assertThat(DeadLetterRows.exists(openYoung)).isTrue();
        assertThat(DeadLetterRows.exists(resolvedYoungB)).isTrue();
        assertThat(DeadLetterRows.exists(openAgainB)).isTrue();
        assertThat(Db.count("select count(*) from jobs where state = 'discarded'")).as("only the job behind B's "
                + "new entry, and those of the entries kept").isEqualTo(4);
        assertThat(DeadLetterRows.jobExists(replayedJob)).as("a replayed job is not the purge's").isTrue();
        assertThat(DeadLetterRows.jobExists(againJob)).as("still behind an open entry").isTrue();
        assertThat(Db.count("select count(*) from dead_letter_audit where dead_letter_id = ?", openOld)).isEqualTo(1);
    }

    @Test
    void eachPurgeIsRecordedAnnouncedCountedAndLowersTheDlqDepth() {
        assertThat(Db.rows("select organization_id, status, purged, actor from dead_letter_purges"))
                .containsExactlyInAnyOrder(List.of(ORG_A, "dead", 1, "system"), List.of(ORG_A, "resolved", 2, "system"),
                        List.of(ORG_B, "dead", 1, "system"), List.of(ORG_B, "resolved", 1, "system"));
        assertThat(Db.rows("select reason from dead_letter_purges where status = 'resolved'"))
                .allMatch(r -> r.get(0).equals("retention: resolved dead letters are kept 30 days"));
        assertThat(Db.rows("""
                select organization_id, persisted_change->>'purged', persisted_change->>'status' from domain_events
                where event_type = 'dlq.purged.v1' and resource_type = 'dead_letter_purge'""")).hasSize(4)
                .contains(List.of(ORG_A, "2", "resolved"), List.of(ORG_B, "1", "dead"));
        assertThat(meters.get("voelgoed.jobs.dlq.purged").tags("organization_id", ORG_A.toString(), "status",
                "resolved").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("voelgoed.jobs.dlq.purged").tags("organization_id", ORG_B.toString(), "status",
                "dead").counter().count()).isEqualTo(1.0);
        // the open entries left: A's 89-day one, B's new one; the counters must agree once rolled up
        await().atMost(Duration.ofSeconds(10)).until(() -> depth(ORG_A) == 1 && depth(ORG_B) == 1);
    }

    private static long depth(UUID org) {
        Object count = Db.single("select coalesce(sum(count), 0) from job_counts where queue = ? and state = 'dead'",
                QueueName.deadLetterQueue(org, "ticket.sold"));
        return ((Number) count).longValue();
    }
}
