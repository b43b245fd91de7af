package za.voelgoed.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

/** The simulator's HTTP contract, served in this JVM on a random port. */
class PaymentSimulatorIT {

    private static final String CARD = "4242424242424242";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private PaymentSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
        http.close();
    }

    @Test
    void everyPostNeedsAnIdempotencyKey() throws Exception {
        start();

        HttpResponse<String> response = post("/v1/authorizations", null, authorization(CARD, 1000));

        assertError(response, 400, "missing_idempotency_key");
    }

    @Test
    void repeatedKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() throws Exception {
        start();

        HttpResponse<String> first = post("/v1/authorizations", "k-1", authorization(CARD, 1000));
        HttpResponse<String> again = post("/v1/authorizations", "k-1", authorization(CARD, 1000));
        HttpResponse<String> changed = post("/v1/authorizations", "k-1", authorization(CARD, 2000));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertError(changed, 409, "idempotency_key_reused");
        assertThat(ledger("").get("authorizations")).hasSize(1);
    }

    @Test
    void authorisationNeverEchoesTheCardNumberOrCvv() throws Exception {
        start();

        HttpResponse<String> response = post("/v1/authorizations", "k-1", authorization(CARD, 1000));

        JsonNode body = Json.tree(response.body());
        assertThat(body.get("id").asText()).startsWith("auth_");
        assertThat(body.get("status").asText()).isEqualTo("authorized");
        assertThat(body.get("card_last4").asText()).isEqualTo("4242");
        assertThat(body.get("captured_cents").asLong()).isZero();
        assertThat(response.body()).doesNotContain(CARD).doesNotContain("\"cvv\"");
        // the line is written once the answer is sent, so it may trail the answer by a moment
        await().untilAsserted(() -> assertThat(log()).contains("method=POST path=/v1/authorizations status=201"));
        assertThat(log()).doesNotContain(CARD);
    }

    @Test
    void invalidRequestsAreRefusedWith422AndACode() throws Exception {
        start();

        assertError(post("/v1/authorizations", "a", authorization("4242424242424241", 1000)), 422,
                "invalid_card_number");
        assertError(post("/v1/authorizations", "b", authorization(CARD, 0)), 422, "invalid_amount");
        assertError(post("/v1/authorizations", "c", Map.of("amount_cents", 100, "currency", "ZAR",
                "card_number", CARD, "expiry", "01/20", "cvv", "123")), 422, "expired_card");
        assertError(post("/v1/authorizations", "d", Map.of("amount_cents", 100, "currency", "ZAR",
                "card_number", CARD, "expiry", "12/99", "cvv", "12")), 422, "invalid_cvv");
        assertError(post("/v1/authorizations", "e", Map.of("amount_cents", "100", "currency", "ZAR",
                "card_number", CARD, "expiry", "12/99", "cvv", "123")), 422, "invalid_amount");
    }

    @Test
    void testCardsBehaveTheSameWhateverTheRates() throws Exception {
        start("--decline-rate", "0");

        JsonNode declined = Json.tree(post("/v1/authorizations", "a", authorization("4000000000000002", 10)).body());
        JsonNode broke = Json.tree(post("/v1/authorizations", "b", authorization("4000000000009995", 10)).body());
        HttpResponse<String> down = post("/v1/authorizations", "c", authorization("4000000000000119", 10));

        assertThat(declined.get("status").asText()).isEqualTo("declined");
        assertThat(declined.get("decline_code").asText()).isEqualTo("card_declined");
        assertThat(broke.get("decline_code").asText()).isEqualTo("insufficient_funds");
        assertError(down, 503, "processor_unavailable");
        assertThat(ledger("").get("authorizations")).hasSize(2);
    }

    @Test
    void declineRateOneDeclinesOrdinaryCards() throws Exception {
        start("--decline-rate", "1");

        JsonNode body = Json.tree(post("/v1/authorizations", "a", authorization(CARD, 10)).body());

        assertThat(body.get("status").asText()).isEqualTo("declined");
        assertThat(body.get("decline_code").asText()).isEqualTo("card_declined");
    }

    @Test
    void failureRateOneAnswers503AndRecordsNothing() throws Exception {
        start("--failure-rate", "1");

        assertError(post("/v1/authorizations", "a", authorization(CARD, 10)), 503, "service_unavailable");
        await().untilAsserted(() -> assertThat(log()).contains("status=503").contains("fault=failure"));
        assertThat(get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void timedOutOperationIsDoneAndItsRetryGetsTheKeptAnswerAtOnce() throws Exception {
        start("--timeout-rate", "1", "--timeout-sleep-ms", "400");

        long started = System.nanoTime();
        HttpResponse<String> late = post("/v1/authorizations", "k", authorization(CARD, 10));
        long lateMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        HttpResponse<String> retry = post("/v1/authorizations", "k", authorization(CARD, 10));
        long retryMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(lateMs).isGreaterThanOrEqualTo(400);
        assertThat(retryMs).isLessThan(400);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(late.body());
        assertThat(ledger("").get("authorizations")).hasSize(1);
    }

    @Test
    void captureRefundAndVoidFollowTheLifecycle() throws Exception {
        start();
        String id = Json.tree(post("/v1/authorizations", "a", authorization(CARD, 1000)).body()).get("id").asText();
        String other = Json.tree(post("/v1/authorizations", "b", authorization(CARD, 500)).body()).get("id").asText();

        HttpResponse<String> captured = post("/v1/authorizations/" + id + "/capture", "c", Map.of("amount_cents", 800));
        HttpResponse<String> refund = post("/v1/authorizations/" + id + "/refunds", "r1", Map.of("amount_cents", 300));
        HttpResponse<String> tooMuch = post("/v1/authorizations/" + id + "/refunds", "r2", Map.of("amount_cents", 501));
        HttpResponse<String> voided = post("/v1/authorizations/" + other + "/void", "v", null);
        JsonNode state = Json.tree(get("/v1/authorizations/" + id).body());

        assertThat(captured.statusCode()).isEqualTo(200);
        assertThat(Json.tree(captured.body()).get("status").asText()).isEqualTo("captured");
        assertThat(refund.statusCode()).isEqualTo(201);
        assertThat(Json.tree(refund.body()).get("id").asText()).startsWith("ref_");
        assertThat(Json.tree(refund.body()).get("status").asText()).isEqualTo("succeeded");
        assertError(tooMuch, 409, "refund_exceeds_captured");
        assertThat(Json.tree(voided.body()).get("status").asText()).isEqualTo("voided");
        assertThat(state.get("captured_cents").asLong()).isEqualTo(800);
        assertThat(state.get("refunded_cents").asLong()).isEqualTo(300);
        assertThat(state.get("refunds")).hasSize(1);
        assertError(get("/v1/authorizations/auth_unknown"), 404, "authorization_not_found");
    }

    @Test
    void ledgerPagesInCreationOrder() throws Exception {
        start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Json.tree(post("/v1/authorizations", "k" + i, authorization(CARD, 10 + i)).body())
                    .get("id").asText());
        }

        JsonNode first = ledger("?limit=2&since=2020-01-01T00:00:00Z");
        JsonNode second = ledger("?limit=2&after=" + first.get("next_after").asText());
        JsonNode future = ledger("?since=2999-01-01T00:00:00Z");

        assertThat(first.get("authorizations").findValuesAsText("id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(second.get("authorizations").findValuesAsText("id")).containsExactly(ids.get(2));
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(second.get("next_after").isNull()).isTrue();
        assertThat(future.get("authorizations")).isEmpty();
        assertError(get("/v1/ledger?since=yesterday"), 400, "invalid_query");
    }

    @Test
    void concurrentAuthorisationsGetDistinctIds() throws Exception {
        start("--latency-ms", "5", "--jitter-ms", "10");
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 64; i++) {
                String key = "key-" + i;
                responses.add(pool.submit(() -> post("/v1/authorizations", key, authorization(CARD, 100))));
            }
            Set<String> ids = new HashSet<>();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(201);
                ids.add(Json.tree(response.get().body()).get("id").asText());
            }
            assertThat(ids).hasSize(64);
        }
        assertThat(ledger("?limit=1000").get("authorizations")).hasSize(64);
    }

    private void start(String... args) {
        SimulatorOptions options = SimulatorOptions.parse(concat(new String[] {"--port", "0"}, args), Map.of());
        simulator = PaymentSimulator.start(options, Clock.systemUTC(), new PrintStream(logBytes, true,
                StandardCharsets.UTF_8));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> authorization(String card, long cents) {
        return Map.of("amount_cents", cents, "currency", "ZAR", "card_number", card, "expiry", "12/99",
                "cvv", "123", "reference", "order-1");
    }

    private HttpResponse<String> post(String path, String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ledger(String query) throws Exception {
        return Json.tree(get("/v1/ledger" + query).body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + simulator.port() + path);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Json.tree(response.body()).at("/error/code").asText()).isEqualTo(code);
        assertThat(Json.tree(response.body()).at("/error/message").asText()).isNotBlank();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
