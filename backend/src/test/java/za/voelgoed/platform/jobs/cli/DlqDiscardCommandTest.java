package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static za.voelgoed.platform.jobs.cli.Samples.ID_1;
import static za.voelgoed.platform.jobs.cli.Samples.ID_2;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

class DlqDiscardCommandTest {

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
    void oneIdUsesTheItemRouteWithOnlyTheReason() {
        backend.answerJson("""
                {"discarded":["%s"],"skipped":[]}""".formatted(ID_1));

        CliRun run = CliRun.against(backend, "discard", ID_1.toString(), "--reason", "order was cancelled");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH + "/" + ID_1 + "/discard");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
        assertThat(request.json()).isEqualTo(Json.tree("""
                {"reason":"order was cancelled","dry_run":false}"""));
        assertThat(run.out()).isEqualTo("""
                discarded 1 item(s):
                ID
                11111111-1111-4111-8111-111111111111
                skipped 0 item(s)
                """);
    }

    @Test
    void severalIdsAndFiltersUseTheBulkRoute() {
        backend.answerJson("{\"discarded\":[],\"skipped\":[]}").answerJson("{\"discarded\":[],\"skipped\":[]}");

        CliRun byIds = CliRun.against(backend, "discard", ID_1.toString(), ID_2.toString(), "--reason", "test data");
        CliRun byFilter = CliRun.against(backend, "discard", "--queue", "queue:org:x:dlq:demo",
                "--until", "2026-11-01T00:00:00Z", "--reason", "test data");

        assertThat(byIds.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(byFilter.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(byIds.out()).isEqualTo("discarded 0 item(s)\nskipped 0 item(s)\n");
        assertThat(backend.requests()).extracting(FakeDlqBackend.Recorded::path)
                .containsExactly(Samples.DLQ_PATH + "/discard", Samples.DLQ_PATH + "/discard");
        assertThat(backend.requests().get(0).json()).isEqualTo(Json.tree("""
                {"ids":["%s","%s"],"reason":"test data","dry_run":false}""".formatted(ID_1, ID_2)));
        assertThat(backend.requests().get(1).json()).isEqualTo(Json.tree("""
                {"filter":{"queue":"queue:org:x:dlq:demo","until":"2026-11-01T00:00:00Z"},"reason":"test data","dry_run":false}"""));
    }

    @Test
    void skippedItemsArePrintedAndExitOne() {
        backend.answerJson("""
                {"discarded":["%s"],
                 "skipped":[{"id":"%s","code":"not_dead","detail":"already replayed"}]}""".formatted(ID_1, ID_2));

        CliRun run = CliRun.against(backend, "discard", ID_1.toString(), ID_2.toString(), "--reason", "test data");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ITEMS_SKIPPED);
        assertThat(run.out()).endsWith("""
                skipped 1 item(s):
                ID                                    CODE      DETAIL
                22222222-2222-4222-8222-222222222222  not_dead  already replayed
                """);
    }

    @Test
    void aDryRunSaysSoChangesNothingAndSkippedItemsDoNotFailIt() {
        backend.answerJson("""
                {"dry_run":true,"discarded":["%s"],
                 "skipped":[{"id":"%s","code":"not_dead","detail":"already replayed"}],
                 "summary":{"would_discard":1,"skipped":1,"skipped_by_code":{"not_dead":1},"more":true}}"""
                .formatted(ID_1, ID_2));

        CliRun run = CliRun.against(backend, "discard", "--worker", "payments.capture", "--reason", "preview",
                "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().json()).isEqualTo(Json.tree("""
                {"filter":{"worker":"payments.capture"},"reason":"preview","dry_run":true}"""));
        assertThat(run.out()).isEqualTo("""
                dry run: nothing was changed
                would discard 1 item(s):
                ID
                11111111-1111-4111-8111-111111111111
                would skip 1 item(s):
                ID                                    CODE      DETAIL
                22222222-2222-4222-8222-222222222222  not_dead  already replayed
                more entries match the filter than one request takes: run the same command again for the next ones
                """);
    }
}
