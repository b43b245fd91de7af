package za.voelgoed.console.dlq.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.DeadLetters;
import za.voelgoed.shared.json.Json;

class DeadLetterDetailTest {

    private static final String QUEUE = "queue:org:4aeb0571-779a-46de-9e09-0bed947039cb:";
    private final DeadLetterDetail detail = new DeadLetterDetail(ZoneOffset.ofHours(2));

    @Test
    void eachAttemptReadsAsWhenAndWhereOverItsError() {
        JsonNode errors = Json.read("""
                [{"attempt": 1, "at": "2026-12-03T14:37:21.448689653Z", "node": "node-a",
                  "error": "PaymentUnavailable: no answer"},
                 {"attempt": 2, "at": "2026-12-03T14:40:02.5+00:00", "node": "node-b",
                  "error": "rescued: node node-a stopped heartbeating\\nno attempts left"}]""", JsonNode.class);
        String text = detail.describe(entry(errors, "dead", null));

        assertThat(text).contains("""
                Event type: payment.authorized
                Worker:     payments.capture
                Queue:      payments
                Job:        153, 2 attempts
                Died:       3 Dec 16:37:30
                Status:     dead
                """);
        assertThat(text).contains("""
                Attempts:
                1. 3 Dec 16:37:21 on node-a
                    PaymentUnavailable: no answer
                2. 3 Dec 16:40:02 on node-b
                    rescued: node node-a stopped heartbeating
                    no attempts left
                """);
        assertThat(text).contains("\"payment_id\" : \"p-1\"").doesNotContain(QUEUE);
    }

    @Test
    void anAttemptOfAnotherShapeIsShownAsItsJson() {
        JsonNode errors = Json.read("""
                ["plain words", {"code": 7},
                 {"attempt": 3, "at": "2026-12-03T14:40:02Z", "error": "boom", "node": "n", "hint": "retry later"}]""",
                JsonNode.class);
        String text = detail.describe(entry(errors, "dead", null));

        assertThat(text).contains("1. \"plain words\"\n").contains("2. {\n  \"code\" : 7\n}\n")
                .contains("\"hint\" : \"retry later\"");
    }

    @Test
    void anAttemptWithoutANodeOrTimeStillReads() {
        JsonNode errors = Json.read("[{\"attempt\": 1, \"at\": \"soon\", \"error\": \"boom\", \"node\": null}]",
                JsonNode.class);

        assertThat(detail.describe(entry(errors, "dead", null))).contains("Attempts:\n1. soon\n    boom\n");
    }

    @Test
    void aResolvedLetterSaysByWhomWhenAndWhy() {
        String text = detail.describe(entry(Json.read("[]", JsonNode.class), "replayed", "ops@kaapstad"));

        assertThat(text).contains("Status:     replayed by ops@kaapstad at 3 Dec 17:00:00: provider back up\n");
    }

    private static DeadLetters.Entry entry(JsonNode errors, String status, String resolvedBy) {
        return new DeadLetters.Entry(UUID.randomUUID(), 153, QUEUE + "dlq:payment.authorized", QUEUE + "payments",
                "payments.capture", "payment.authorized", Json.read("{\"payment_id\": \"p-1\"}", JsonNode.class),
                errors.size(), errors, status, Instant.parse("2026-12-03T14:37:30Z"),
                resolvedBy == null ? null : Instant.parse("2026-12-03T15:00:00Z"), resolvedBy,
                resolvedBy == null ? null : "provider back up");
    }
}
