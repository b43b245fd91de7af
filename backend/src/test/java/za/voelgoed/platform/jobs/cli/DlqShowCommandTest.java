package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static za.voelgoed.platform.jobs.cli.Samples.ID_1;
import static za.voelgoed.platform.jobs.cli.Samples.ORG;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DlqShowCommandTest {

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
    void printsTheFieldsTheNumberedErrorHistoryAndThePrettyArgs() {
        backend.answerJson(Samples.deadLetter(ID_1, "payments.capture", "card declined\nat psp.Client.capture"));

        CliRun run = CliRun.against(backend, "show", ID_1.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH + "/" + ID_1);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
        assertThat(run.out()).isEqualTo("""
                id                 11111111-1111-4111-8111-111111111111
                status             dead
                worker             payments.capture
                event type         payment.authorized
                queue              queue:org:%1$s:dlq:payment.authorized
                source queue       queue:org:%1$s:payments
                job id             4711
                organization       %1$s
                attempts           3
                idempotency key    capture:pay-9
                dead at            2026-11-26T10:00:31Z
                resolved at        -
                resolved by        -
                resolution reason  -

                errors (3):
                  1. 2026-11-26T10:00:00Z  node-a
                     psp timeout
                  2. 2026-11-26T10:00:05Z  node-b
                     psp timeout
                  3. 2026-11-26T10:00:30Z  node-a
                     card declined
                     at psp.Client.capture

                args:
                  {
                    "payment_id" : "pay-9",
                    "amount" : {
                      "cents" : 12500,
                      "currency" : "ZAR"
                    }
                  }
                """.formatted(ORG));
    }

    @Test
    void jsonPrintsTheBackendsAnswerUntouched() {
        String body = Samples.deadLetter(ID_1, "payments.capture", "boom");
        backend.answerJson(body);

        CliRun run = CliRun.against(backend, "show", ID_1.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(body + "\n");
    }

    @Test
    void anUnknownIdExitsWithNotFoundAndTheProblemOnStderr() {
        backend.answerProblem(404, "dead_letter_not_found", "no dead letter " + ID_1);

        CliRun run = CliRun.against(backend, "show", ID_1.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: dead_letter_not_found: no dead letter " + ID_1 + "\n");
    }
}
