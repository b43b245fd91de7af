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
import za.voelgoed.testing.Cards;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** Card numbers in job args, in a worker's error and in operators' reasons are stored masked, everywhere. */
class JobScrubbingIT {

    static final String ERROR = "IllegalStateException: partner refused card [redacted-pan] for gala";

    static BackendNode node;
    static UUID org;
    static Api staff;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_JOBS_BACKOFF_MS", "10",
                "VOELGOED_JOBS_POLL_INTERVAL_MS", "200", "VOELGOED_NODE_ID", "scrub-node")),
                Extensions.none().withWorker(TestWorkers.leaky()));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Scrubbed");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static long enqueue(String label) {
        return node.jobs().enqueue(JobRequest.of(TestWorkers.LEAKY, org, Json.object().put("label", label)
                .put("note", "pay with " + Cards.VISA_FULL_WIDTH + " or 5500 0000 0000 0004"))).jobId();
    }

    private static String awaitDead(long job) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from dead_letters where job_id = ? and status = 'dead'", job) == 1);
        return Db.single("select id::text from dead_letters where job_id = ? and status = 'dead'", job).toString();
    }

    @Test
    void argsAreStoredScrubbedWhenTheJobIsEnqueued() {
        node.jobs().pause(new QueueName(org, QueueKind.INTEGRATIONS));
        try {
            long job = enqueue("queued");
            JsonNode args = Json.tree(Db.single("select args::text from jobs where id = ?", job).toString());
            assertThat(args.path("note").asText()).isEqualTo("pay with [redacted-pan] or [redacted-pan]");
            assertThat(args.path("label").asText()).isEqualTo("queued");
        } finally {
            node.jobs().resume(new QueueName(org, QueueKind.INTEGRATIONS));
        }
    }

    @Test
    void everyRetryErrorTheDeadLetterAndItsAuditRowHoldTheErrorMasked() {
        long job = enqueue("gala");
        String id = awaitDead(job);

        JsonNode jobErrors = Json.tree(Db.single("select errors::text from jobs where id = ?", job).toString());
        assertThat(jobErrors).hasSize(3).allMatch(e -> e.path("error").asText().equals(ERROR));
        JsonNode entry = staff.get("/api/orgs/" + org + "/dlq/" + id).json();
        assertThat(entry.path("errors")).hasSize(3).allMatch(e -> e.path("error").asText().equals(ERROR));
        assertThat(entry.path("args").path("note").asText()).isEqualTo("pay with [redacted-pan] or [redacted-pan]");
        assertThat(Db.single("select reason from dead_letter_audit where dead_letter_id = ?::uuid and action = 'dead'",
                id)).isEqualTo(ERROR);
        assertNoCardAnywhere();
    }

    @Test
    void discardAndReplayReasonsAreStoredMasked() {
        String discarded = awaitDead(enqueue("gala"));
        String replayed = awaitDead(enqueue("gala"));

        staff.post("/api/orgs/" + org + "/dlq/" + discarded + "/discard",
                "{\"reason\":\"refunded to card 4111 1111 1111 1111 by hand\"}").json();
        staff.post("/api/orgs/" + org + "/dlq/replay", Json.write(Map.of("ids", java.util.List.of(replayed),
                "reason", "customer confirmed 5500\u00A00000\u00A00000\u00A00004"))).json();

        assertThat(Db.single("select resolution_reason from dead_letters where id = ?::uuid", discarded))
                .isEqualTo("refunded to card [redacted-pan] by hand");
        assertThat(Db.single("select reason from dead_letter_audit where dead_letter_id = ?::uuid and action = "
                + "'discarded'", discarded)).isEqualTo("refunded to card [redacted-pan] by hand");
        assertThat(Db.single("select resolution_reason from dead_letters where id = ?::uuid", replayed))
                .isEqualTo("customer confirmed [redacted-pan]");
        assertThat(Db.single("select reason from dead_letter_audit where dead_letter_id = ?::uuid and action = "
                + "'replayed'", replayed)).isEqualTo("customer confirmed [redacted-pan]");
        assertNoCardAnywhere();
    }

    private static void assertNoCardAnywhere() {
        String everything = Cards.everyTableAsText();
        assertThat(Cards.readable(everything, Cards.VISA)).isFalse();
        assertThat(Cards.readable(everything, Cards.MASTERCARD)).isFalse();
    }
}
