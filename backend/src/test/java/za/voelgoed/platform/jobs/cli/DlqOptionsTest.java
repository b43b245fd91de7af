package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static za.voelgoed.platform.jobs.cli.Samples.ID_1;
import static za.voelgoed.platform.jobs.cli.Samples.ORG;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and validation: every refusal is exit 2 with a message on stderr, and nothing reaches the backend. */
class DlqOptionsTest {

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
    void malformedOrgIsAUsageErrorAndSendsNothing() {
        CliRun run = CliRun.dlq(Map.of(), "list", "--org", "not-a-uuid", "--token", "t", "--url", backend.url());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--org").contains("not-a-uuid");
        assertThat(run.out()).isEmpty();
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void malformedIdIsAUsageErrorAndSendsNothing() {
        CliRun show = CliRun.against(backend, "show", "1234");
        CliRun replay = CliRun.against(backend, "replay", ID_1.toString(), "oops", "--reason", "psp fixed");

        assertThat(show.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(show.err()).contains("'1234'");
        assertThat(replay.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(replay.err()).contains("'oops'");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void missingTokenIsAUsageErrorThatNamesTheVariable() {
        CliRun run = CliRun.dlq(Map.of(), "list", "--org", ORG.toString(), "--url", backend.url());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--token").contains("VOELGOED_TOKEN");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void urlAndTokenComeFromTheEnvironmentWhenNotGiven() {
        backend.answerJson(Samples.page(null));

        CliRun run = CliRun.dlq(Map.of("VOELGOED_URL", backend.url() + "/", "VOELGOED_TOKEN", "env-token"),
                "list", "--org", ORG.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH);
        assertThat(request.header("Authorization")).isEqualTo("Bearer env-token");
    }

    @Test
    void optionsWinOverTheEnvironment() throws IOException {
        backend.answerJson(Samples.page(null));
        String nowhere;
        try (ServerSocket closed = new ServerSocket(0)) {
            nowhere = "http://127.0.0.1:" + closed.getLocalPort();
        }

        CliRun run = CliRun.dlq(Map.of("VOELGOED_URL", nowhere, "VOELGOED_TOKEN", "env-token"),
                "list", "--org", ORG.toString(), "--url", backend.url(), "--token", "option-token");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().header("Authorization")).isEqualTo("Bearer option-token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org", "127.0.0.1:8080", "http://", "http://host/x?y=1"})
    void unusableUrlIsAUsageError(String url) {
        CliRun run = CliRun.dlq(Map.of("VOELGOED_TOKEN", "t"), "list", "--org", ORG.toString(), "--url", url);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--url must be an http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1"})
    void limitOutsideOneToFiveHundredIsAUsageError(String limit) {
        CliRun run = CliRun.against(backend, "list", "--limit", limit);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--limit must be 1 to 500, was " + limit);
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void instantsMustBeIso8601AndInOrder() {
        CliRun malformed = CliRun.against(backend, "list", "--since", "yesterday");
        CliRun reversed = CliRun.against(backend, "list", "--since", "2026-11-27T00:00:00Z",
                "--until", "2026-11-26T00:00:00Z");

        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("'yesterday' is not an ISO-8601 instant");
        assertThat(reversed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reversed.err()).contains("--since (2026-11-27T00:00:00Z) is after --until");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void unknownStatusIsAUsageError() {
        CliRun run = CliRun.against(backend, "list", "--status", "zombie");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--status").contains("zombie");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void replayAndDiscardNeedIdsOrAFilterButNotBoth() {
        CliRun neither = CliRun.against(backend, "replay", "--reason", "psp fixed");
        CliRun both = CliRun.against(backend, "discard", ID_1.toString(), "--queue", "q", "--reason", "obsolete");

        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("give ids, or at least one of --queue");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("either ids or filter options, not both");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void reasonIsRequiredAndThreeToFiveHundredCharacters() {
        CliRun missing = CliRun.against(backend, "replay", ID_1.toString());
        CliRun tooShort = CliRun.against(backend, "replay", ID_1.toString(), "--reason", "  ok  ");
        CliRun tooLong = CliRun.against(backend, "discard", ID_1.toString(), "--reason", "x".repeat(501));

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--reason");
        assertThat(tooShort.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooShort.err()).contains("--reason must be 3 to 500 characters, was 2");
        assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLong.err()).contains("was 501");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void missingCommandAndUnknownOptionAreUsageErrors() {
        CliRun bare = CliRun.dlq(Map.of());
        CliRun typo = CliRun.against(backend, "list", "--sinse", "2026-11-26T00:00:00Z");

        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("Missing command");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("Unknown option").contains("--since").contains("dlq list --help");
        assertThat(backend.requests()).isEmpty();
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun top = CliRun.dlq(Map.of(), "--help");
        CliRun replay = CliRun.dlq(Map.of(), "replay", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("list", "show", "replay", "discard", "Exit codes:");
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).contains("--dry-run", "--reason", "Exit codes:",
                "  1  some items were skipped", "  3  not found (404)", "  6  backend unreachable");
    }
}
