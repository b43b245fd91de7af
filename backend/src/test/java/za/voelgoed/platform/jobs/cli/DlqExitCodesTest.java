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
import org.junit.jupiter.params.provider.CsvSource;

/** How each kind of backend answer maps to the exit codes scripts rely on, and what stderr says. */
class DlqExitCodesTest {

    private FakeDlqBackend backend;

    @BeforeEach
    void start() throws IOException {
        backend = new FakeDlqBackend();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"404, 3", "401, 4", "403, 4", "400, 5", "409, 5", "422, 5", "429, 5", "500, 6", "503, 6"})
    void problemStatusesMapToTheirExitCodes(int status, int exitCode) {
        backend.answerProblem(status, "some_code", "what went wrong");

        CliRun run = CliRun.against(backend, "show", ID_1.toString());

        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.err()).isEqualTo("error: some_code: what went wrong\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void invalidFieldsAreListedUnderTheProblem() {
        backend.answer(422, "application/problem+json", """
                {"type":"urn:voelgoed:problem:validation_failed","title":"Validation failed","status":422,
                 "detail":"1 field(s) are invalid","code":"validation_failed",
                 "errors":[{"field":"reason","message":"must not be blank"}]}""");

        CliRun run = CliRun.against(backend, "discard", ID_1.toString(), "--reason", "why not");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.err()).isEqualTo("""
                error: validation_failed: 1 field(s) are invalid
                  reason: must not be blank
                """);
    }

    @Test
    void aNonProblemErrorBodyIsEchoed() {
        backend.answer(502, "text/html", "<html>Bad Gateway</html>");

        CliRun run = CliRun.against(backend, "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).isEqualTo("error: HTTP 502: <html>Bad Gateway</html>\n");
    }

    @Test
    void anUnreachableBackendExitsSix() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }

        CliRun run = CliRun.dlq(Map.of("VOELGOED_TOKEN", "t", "VOELGOED_URL", "http://127.0.0.1:" + freePort),
                "list", "--org", ORG.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("error: cannot reach http://127.0.0.1:" + freePort + Samples.DLQ_PATH)
                .endsWith(": connection refused\n");
    }

    @Test
    void anOffContractAnswerExitsSix() {
        backend.answerJson("[\"not\", \"a dead letter\"]");

        CliRun run = CliRun.against(backend, "show", ID_1.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("error: the backend's answer is not a valid DeadLetter");
        assertThat(run.out()).isEmpty();
    }
}
