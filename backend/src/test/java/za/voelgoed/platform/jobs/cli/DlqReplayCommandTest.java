package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static za.voelgoed.platform.jobs.cli.Samples.ID_1;
import static za.voelgoed.platform.jobs.cli.Samples.ID_2;
import static za.voelgoed.platform.jobs.cli.Samples.ID_3;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

class DlqReplayCommandTest {

    private static final String ALL_REPLAYED = """
            {"dry_run":false,"replayed":[{"id":"%s","job_id":9001}],"skipped":[]}""".formatted(ID_1);
    private static final String ONE_SKIPPED = """
            {"dry_run":%s,"replayed":[{"id":"%s","job_id":9001}],
             "skipped":[{"id":"%s","code":"effect_already_applied","detail":"payment pay-9 was already captured"}]}""";

    private FakeDlqBackend backend;

    @BeforeEach
    void start() throws IOException {
        backend = new FakeDlqBackend();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void oneIdUsesTheItemRouteWithReasonAndDryRunFalse() {
        backend.answerJson(ALL_REPLAYED);

        CliRun run = CliRun.against(backend, "replay", ID_1.toString(), "--reason", "  PSP outage is over  ");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH + "/" + ID_1 + "/replay");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.json()).isEqualTo(Json.tree("""
                {"reason":"PSP outage is over","dry_run":false}"""));
        assertThat(run.out()).isEqualTo("""
                replayed 1 item(s):
                ID                                    JOB ID
                11111111-1111-4111-8111-111111111111  9001
                skipped 0 item(s)
                """);
    }

    @Test
    void aRepeatedIdStillCountsAsOne() {
        backend.answerJson(ALL_REPLAYED);

        CliRun run = CliRun.against(backend, "replay", ID_1.toString(), ID_1.toString(), "--reason", "again");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().path()).isEqualTo(Samples.DLQ_PATH + "/" + ID_1 + "/replay");
    }

    @Test
    void severalIdsUseTheBulkRouteWithIdsOnly() {
        backend.answerJson(ALL_REPLAYED);

        CliRun run = CliRun.against(backend, "replay", ID_1.toString(), ID_2.toString(), "--reason", "PSP is back");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH + "/replay");
        assertThat(request.json()).isEqualTo(Json.tree("""
                {"ids":["%s","%s"],"reason":"PSP is back","dry_run":false}""".formatted(ID_1, ID_2)));
    }

    @Test
    void filterOptionsUseTheBulkRouteWithOnlyTheGivenCriteria() {
        backend.answerJson(ALL_REPLAYED).answerJson(ALL_REPLAYED);

        CliRun full = CliRun.against(backend, "replay", "--queue", "queue:org:x:dlq:payment.authorized",
                "--event-type", "payment.authorized", "--worker", "payments.capture",
                "--since", "2026-11-26T00:00:00Z", "--until", "2026-11-26T12:00:00Z", "--reason", "PSP is back");
        CliRun narrow = CliRun.against(backend, "replay", "--event-type", "payment.authorized", "--reason", "PSP is back");

        assertThat(full.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(narrow.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.requests()).extracting(FakeDlqBackend.Recorded::path)
                .containsOnly(Samples.DLQ_PATH + "/replay");
        assertThat(backend.requests().get(0).json()).isEqualTo(Json.tree("""
                {"filter":{"queue":"queue:org:x:dlq:payment.authorized","event_type":"payment.authorized",
                           "worker":"payments.capture","since":"2026-11-26T00:00:00Z","until":"2026-11-26T12:00:00Z"},
                 "reason":"PSP is back","dry_run":false}"""));
        assertThat(backend.requests().get(1).json()).isEqualTo(Json.tree("""
                {"filter":{"event_type":"payment.authorized"},"reason":"PSP is back","dry_run":false}"""));
    }

    @Test
    void skippedItemsArePrintedWithCodeAndDetailAndExitOne() {
        backend.answerJson(ONE_SKIPPED.formatted("false", ID_1, ID_3));

        CliRun run = CliRun.against(backend, "replay", ID_1.toString(), ID_3.toString(), "--reason", "PSP is back");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ITEMS_SKIPPED);
        assertThat(run.out()).isEqualTo("""
                replayed 1 item(s):
                ID                                    JOB ID
                11111111-1111-4111-8111-111111111111  9001
                skipped 1 item(s):
                ID                                    CODE                    DETAIL
                33333333-3333-4333-8333-333333333333  effect_already_applied  payment pay-9 was already captured
                """);
    }

    @Test
    void aDryRunSaysSoAndExitsZeroEvenWithSkips() {
        backend.answerJson(ONE_SKIPPED.formatted("true", ID_1, ID_3));

        CliRun run = CliRun.against(backend, "replay", "--worker", "payments.capture", "--reason", "preview", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().json().path("dry_run").asBoolean()).isTrue();
        assertThat(run.out()).startsWith("dry run: nothing was changed\nwould replay 1 item(s):\n")
                .contains("would skip 1 item(s):\n")
                .contains("effect_already_applied");
    }

    @Test
    void aDryRunOfOneIdSendsTheFlagOnTheItemRoute() {
        backend.answerJson(ALL_REPLAYED);

        CliRun run = CliRun.against(backend, "replay", ID_1.toString(), "--dry-run", "--reason", "preview");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH + "/" + ID_1 + "/replay");
        assertThat(request.json()).isEqualTo(Json.tree("""
                {"reason":"preview","dry_run":true}"""));
        assertThat(run.out()).contains("would replay 1 item(s):");
    }

    @Test
    void jsonPrintsTheAnswerAndKeepsTheExitCode() {
        String body = ONE_SKIPPED.formatted("false", ID_1, ID_3);
        backend.answerJson(body);

        CliRun run = CliRun.against(backend, "replay", ID_3.toString(), "--reason", "PSP is back", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ITEMS_SKIPPED);
        assertThat(run.out()).isEqualTo(body + "\n");
    }

    @Test
    void aConflictIsARejection() {
        backend.answerProblem(409, "replay_in_progress", "another replay of this item is running");

        CliRun run = CliRun.against(backend, "replay", ID_1.toString(), "--reason", "PSP is back");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.err()).isEqualTo("error: replay_in_progress: another replay of this item is running\n");
        assertThat(run.out()).isEmpty();
    }
}
