package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static za.voelgoed.platform.jobs.cli.Samples.ID_1;
import static za.voelgoed.platform.jobs.cli.Samples.ID_2;
import static za.voelgoed.platform.jobs.cli.Samples.ID_3;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

class DlqListCommandTest {

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
    void sendsEveryFilterAsAQueryParameterWithTheBearerToken() {
        backend.answerJson(Samples.page(null));

        CliRun run = CliRun.against(backend, "list", "--queue", "queue:org:x:dlq:payment.authorized",
                "--event-type", "payment.authorized", "--worker", "payments.capture",
                "--since", "2026-11-26T00:00:00Z", "--until", "2026-11-27T00:00:00Z",
                "--status", "all", "--limit", "10", "--cursor", "opaque/cursor=+1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        FakeDlqBackend.Recorded request = backend.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(Samples.DLQ_PATH);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("queue", "queue:org:x:dlq:payment.authorized");
        expected.put("event_type", "payment.authorized");
        expected.put("worker", "payments.capture");
        expected.put("since", "2026-11-26T00:00:00Z");
        expected.put("until", "2026-11-27T00:00:00Z");
        expected.put("status", "all");
        expected.put("limit", "10");
        expected.put("cursor", "opaque/cursor=+1");
        assertThat(request.query()).containsExactlyEntriesOf(expected);
    }

    @Test
    void withoutFiltersAsksForDeadItemsFiftyAtATime() {
        backend.answerJson(Samples.page(null));

        CliRun run = CliRun.against(backend, "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().query()).isEqualTo(Map.of("status", "dead", "limit", "50"));
    }

    @Test
    void valuesWithSpacesAndSeparatorsArriveIntact() {
        backend.answerJson(Samples.page(null));

        CliRun run = CliRun.against(backend, "list", "--worker", "odd worker&name=x", "--status", "REPLAYED");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(backend.onlyRequest().query())
                .containsEntry("worker", "odd worker&name=x")
                .containsEntry("status", "replayed");
    }

    @Test
    void printsAnAlignedTableWithTheLastErrorCutToSixtyCharacters() {
        String longError = "java.net.SocketTimeoutException: read timed out after 30000 ms while capturing at the PSP";
        backend.answerJson(Samples.page("c2",
                Samples.deadLetter(ID_1, "payments.capture", "card declined\n  at psp"),
                Samples.deadLetter(ID_2, "payments.refund", longError)));

        CliRun run = CliRun.against(backend, "list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                ID                                    DEAD AT               QUEUE                   WORKER            ATTEMPTS  LAST ERROR
                11111111-1111-4111-8111-111111111111  2026-11-26T10:00:31Z  dlq:payment.authorized  payments.capture  3         card declined at psp
                22222222-2222-4222-8222-222222222222  2026-11-26T10:00:31Z  dlq:payment.authorized  payments.refund   3         java.net.SocketTimeoutException: read timed out after 300...
                2 item(s)
                next cursor: c2
                """);
        String lastErrorCell = run.out().lines().toList().get(2).substring(run.out().indexOf("LAST ERROR"));
        assertThat(lastErrorCell).hasSize(ListCommand.LAST_ERROR_WIDTH).endsWith("...");
    }

    @Test
    void anEmptyPagePrintsOnlyTheCount() {
        backend.answerJson(Samples.page(null));

        CliRun run = CliRun.against(backend, "list");

        assertThat(run.out()).isEqualTo("0 item(s)\n");
    }

    @Test
    void jsonPrintsTheBackendsAnswerUntouched() {
        String body = Samples.page("c2", Samples.deadLetter(ID_1, "payments.capture", "boom"));
        backend.answerJson(body);

        CliRun run = CliRun.against(backend, "list", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(body + "\n");
    }

    @Test
    void allPagesFollowsTheCursorUntilItIsNull() {
        backend.answerJson(Samples.page("c1", Samples.deadLetter(ID_1, "payments.capture", "a")))
                .answerJson(Samples.page("c2", Samples.deadLetter(ID_2, "payments.capture", "b")))
                .answerJson(Samples.page(null, Samples.deadLetter(ID_3, "payments.capture", "c")));

        CliRun run = CliRun.against(backend, "list", "--all-pages", "--limit", "1", "--worker", "payments.capture");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        List<FakeDlqBackend.Recorded> requests = backend.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(r -> assertThat(r.query())
                .containsEntry("limit", "1").containsEntry("worker", "payments.capture"));
        assertThat(requests).extracting(r -> r.query().get("cursor")).containsExactly(null, "c1", "c2");
        assertThat(run.out()).contains(ID_1.toString(), ID_2.toString(), ID_3.toString())
                .endsWith("3 item(s)\n")
                .doesNotContain("next cursor");
    }

    @Test
    void allPagesWithJsonJoinsThePagesIntoOneDocument() {
        backend.answerJson(Samples.page("c1", Samples.deadLetter(ID_1, "payments.capture", "a")))
                .answerJson(Samples.page(null, Samples.deadLetter(ID_2, "payments.capture", "b")));

        CliRun run = CliRun.against(backend, "list", "--all-pages", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode joined = Json.tree(run.out());
        assertThat(joined.path("items")).extracting(item -> item.path("id").asText())
                .containsExactly(ID_1.toString(), ID_2.toString());
        assertThat(joined.path("items").get(0).path("args").path("amount").path("cents").asInt()).isEqualTo(12500);
        assertThat(joined.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void aCursorHandedOutTwiceStopsInsteadOfLoopingForEver() {
        backend.answerJson(Samples.page("same", Samples.deadLetter(ID_1, "payments.capture", "a")))
                .answerJson(Samples.page("same", Samples.deadLetter(ID_2, "payments.capture", "b")));

        CliRun run = CliRun.against(backend, "list", "--all-pages");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).isEqualTo("error: the backend returned cursor same twice\n");
        assertThat(backend.requests()).hasSize(2);
    }
}
