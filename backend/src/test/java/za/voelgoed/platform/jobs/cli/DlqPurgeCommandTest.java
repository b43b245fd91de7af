package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.voelgoed.shared.json.Json;

class DlqPurgeCommandTest {

    private static final String CUT_OFF = "2026-10-01T00:00:00Z";

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
    void postsThePurgeRouteWithResolvedAsTheDefaultStatus() {
        backend.answerJson("{\"dry_run\":false,\"purged\":3,\"more\":false}");

        CliRun run = CliRun.against(backend, "purge", "--older-than", CUT_OFF, "--reason", "retention by hand");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH + "/purge");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
        assertThat(request.json()).isEqualTo(Json.tree("""
                {"older_than":"2026-10-01T00:00:00Z","status":"resolved","reason":"retention by hand","dry_run":false}"""));
        assertThat(run.out()).isEqualTo("purged 3 item(s)\n");
    }

    @Test
    void aDryRunOnlyCountsAndSaysSo() {
        backend.answerJson("{\"dry_run\":true,\"purged\":7,\"more\":false}");

        CliRun run = CliRun.against(backend, "purge", "--older-than", CUT_OFF, "--status", "ALL",
                "--reason", "how many?", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().json().path("dry_run").asBoolean()).isTrue();
        assertThat(backend.onlyRequest().json().path("status").asText()).isEqualTo("all");
        assertThat(run.out()).isEqualTo("dry run: nothing was changed\nwould purge 7 item(s)\n");
    }

    @Test
    void asksAgainWhileTheBackendSaysMoreMatchAndPrintsTheTotal() {
        backend.answerJson("{\"dry_run\":false,\"purged\":5000,\"more\":true}")
                .answerJson("{\"dry_run\":false,\"purged\":5000,\"more\":true}")
                .answerJson("{\"dry_run\":false,\"purged\":12,\"more\":false}");

        CliRun run = CliRun.against(backend, "purge", "--older-than", CUT_OFF, "--status", "dead",
                "--reason", "open for a year", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.requests()).hasSize(3).allMatch(r -> r.json().path("status").asText().equals("dead"));
        assertThat(Json.tree(run.out())).isEqualTo(Json.tree("{\"dry_run\":false,\"purged\":10012,\"more\":false}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--older-than=2999-01-01T00:00:00Z", "--older-than=yesterday", "--status=open",
            "--reason=no"})
    void badOptionsAreUsageErrorsAndSendNothing(String bad) {
        String option = bad.substring(0, bad.indexOf('='));
        String[] args = option.equals("--older-than")
                ? new String[] {"purge", bad, "--reason", "fine reason"}
                : new String[] {"purge", "--older-than", CUT_OFF, "--reason", "fine reason", bad};

        CliRun run = CliRun.against(backend, args);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(option);
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void missingOlderThanOrReasonIsAUsageError() {
        assertThat(CliRun.against(backend, "purge", "--reason", "fine reason").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.against(backend, "purge", "--older-than", CUT_OFF).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void aRefusalOfTheBackendIsExitFive() {
        backend.answerProblem(422, "invalid_request", "older_than must be an ISO-8601 instant in the past");

        CliRun run = CliRun.against(backend, "purge", "--older-than", Instant.now().minusSeconds(5).toString(),
                "--reason", "clock skew");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.err()).contains("invalid_request");
        assertThat(run.out()).isEmpty();
    }
}
