package za.voelgoed.platform.jobs.cli;

import java.util.UUID;

/** Contract-shaped bodies for the fake backend to answer with. */
final class Samples {

    static final UUID ORG = UUID.fromString("0b6f6a8e-3c1d-4f39-9d3e-5a4b2c1d0e0f");
    static final String TOKEN = "tok-test-123";
    static final UUID ID_1 = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID ID_2 = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID ID_3 = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final String DLQ_PATH = "/api/orgs/" + ORG + "/dlq";

    private Samples() {
    }

    static String deadLetter(UUID id, String worker, String lastError) {
        return """
                {"id":"%s","job_id":4711,"organization_id":"%s",
                 "queue":"queue:org:%s:dlq:payment.authorized","source_queue":"queue:org:%s:payments",
                 "worker":"%s","event_type":"payment.authorized",
                 "args":{"payment_id":"pay-9","amount":{"cents":12500,"currency":"ZAR"}},
                 "attempts":3,
                 "errors":[
                   {"attempt":1,"at":"2026-11-26T10:00:00Z","error":"psp timeout","node":"node-a"},
                   {"attempt":2,"at":"2026-11-26T10:00:05Z","error":"psp timeout","node":"node-b"},
                   {"attempt":3,"at":"2026-11-26T10:00:30Z","error":%s,"node":"node-a"}],
                 "idempotency_key":"capture:pay-9","status":"dead","dead_at":"2026-11-26T10:00:31Z",
                 "resolved_at":null,"resolved_by":null,"resolution_reason":null}
                """.formatted(id, ORG, ORG, ORG, worker, quoted(lastError));
    }

    static String page(String nextCursor, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"next_cursor\":"
                + (nextCursor == null ? "null" : quoted(nextCursor)) + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
