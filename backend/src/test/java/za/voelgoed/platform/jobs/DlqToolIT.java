package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.jobs.cli.DlqCli;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** The dlq command-line tool against a real backend over HTTP: output, effects and exit codes. */
class DlqToolIT {

    static BackendNode node;
    static UUID orgA;
    static String staffA;
    static String staffB;
    static String url;

    /** What one run of the tool printed and returned. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_JOBS_BACKOFF_MS", "10", "VOELGOED_NODE_ID", "dlq-tool")),
                Extensions.none().withWorker(TestWorkers.failing()));
        Api admin = new Api(node.port(), node.adminToken());
        orgA = admin.createOrg("Tool A");
        UUID orgB = admin.createOrg("Tool B");
        staffA = admin.createToken(orgA, "staff");
        staffB = admin.createToken(orgB, "staff");
        url = "http://127.0.0.1:" + node.port();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Run dlq(String token, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DlqCli.run(args, Map.of("VOELGOED_URL", url, "VOELGOED_TOKEN", token),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String deadLetter(String label) {
        long job = node.jobs().enqueue(JobRequest.of(TestWorkers.FAILING, orgA, Json.object().put("label", label))).jobId();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from dead_letters where job_id = ?", job) == 1);
        return Db.single("select id::text from dead_letters where job_id = ?", job).toString();
    }

    @Test
    void listShowDiscardAndAReplayThatSkipsWithTheirExitCodes() {
        String id = deadLetter("tool-run");

        Run list = dlq(staffA, "list", "--org", orgA.toString(), "--worker", "test.failing");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(id, "test.failing", "mail server refused tool-run");

        Run show = dlq(staffA, "show", id, "--org", orgA.toString());
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("queue:org:" + orgA + ":dlq:ticket.sold", "tool-run");

        Run dry = dlq(staffA, "replay", id, "--org", orgA.toString(), "--reason", "look first", "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("dead");

        Run preview = dlq(staffA, "discard", "--org", orgA.toString(), "--worker", "test.failing",
                "--reason", "look first", "--dry-run");
        assertThat(preview.exit()).isZero();
        // the org holds the dead letters of the other tests too: what matters is that this one is listed, not changed
        assertThat(preview.out()).startsWith("dry run: nothing was changed\nwould discard ").contains(id);
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("dead");

        Run discard = dlq(staffA, "discard", id, "--org", orgA.toString(), "--reason", "refunded by hand");
        assertThat(discard.exit()).isZero();
        assertThat(Db.single("select resolution_reason from dead_letters where id = ?::uuid", id))
                .isEqualTo("refunded by hand");

        Run late = dlq(staffA, "replay", id, "--org", orgA.toString(), "--reason", "too late now");
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.out() + late.err()).contains("not_dead");
    }

    @Test
    void purgeCountsInADryRunThenDeletesWhatDiedBeforeTheCutOff() {
        String old = deadLetter("purge-old");
        String young = deadLetter("purge-young");
        assertThat(dlq(staffA, "discard", old, young, "--org", orgA.toString(), "--reason", "settled").exit()).isZero();
        TestEnv.exec("update dead_letters set dead_at = now() - interval '40 days' where id = '" + old + "'");
        String cutOff = java.time.Instant.now().minus(Duration.ofDays(30)).toString();

        Run dry = dlq(staffA, "purge", "--org", orgA.toString(), "--older-than", cutOff, "--reason", "retention",
                "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).isEqualTo("dry run: nothing was changed\nwould purge 1 item(s)\n");
        assertThat(Db.count("select count(*) from dead_letters where id = ?::uuid", old)).isEqualTo(1);

        Run purge = dlq(staffA, "purge", "--org", orgA.toString(), "--older-than", cutOff, "--reason", "retention");
        assertThat(purge.exit()).isZero();
        assertThat(purge.out()).isEqualTo("purged 1 item(s)\n");
        assertThat(Db.count("select count(*) from dead_letters where id = ?::uuid", old)).isZero();
        assertThat(Db.count("select count(*) from dead_letters where id = ?::uuid", young)).isEqualTo(1);
        assertThat(Db.single("select reason from dead_letter_purges where organization_id = ?", orgA))
                .isEqualTo("retention");

        Run refused = dlq(staffB, "purge", "--org", orgA.toString(), "--older-than", cutOff, "--reason", "not mine");
        assertThat(refused.exit()).isEqualTo(3);
    }

    @Test
    void anotherOrgsTokenABadTokenAndNoBackendGetDistinctExitCodes() {
        String id = deadLetter("guarded");

        assertThat(dlq(staffB, "show", id, "--org", orgA.toString()).exit()).isEqualTo(3);
        assertThat(dlq("not-a-token", "list", "--org", orgA.toString()).exit()).isEqualTo(4);
        assertThat(dlq(staffA, "list", "--org", orgA.toString(), "--since", "yesterday").exit()).isEqualTo(2);
        Run offline = new Run(DlqCli.run(new String[] {"list", "--org", orgA.toString(), "--url", "http://127.0.0.1:9"},
                Map.of("VOELGOED_TOKEN", staffA), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())), "", "");
        assertThat(offline.exit()).isEqualTo(6);
        assertThat(Db.single("select status from dead_letters where id = ?::uuid", id)).isEqualTo("dead");
    }
}
