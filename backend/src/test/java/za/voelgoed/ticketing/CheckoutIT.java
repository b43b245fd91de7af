package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * The purchase flow of seed 8.1 over real HTTP, with the payment provider simulator as its own process:
 * hold → order → authorisation → tickets → events → capture job; idempotent retries, declines, expired
 * holds, coupons under concurrency, and refunds.
 */
class CheckoutIT {

    static final String CARD = "{\"card_number\": \"4242 4242 4242 4242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}";
    static final String DECLINED = "{\"card_number\": \"4000000000000002\", \"expiry\": \"12/30\", \"cvv\": \"123\"}";

    static PaymentSimulatorProcess simulator;
    static BackendNode node;
    static Api staff;
    static UUID org;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", "checkout", "VOELGOED_JOBS_POLL_INTERVAL_MS", "200")));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Checkout");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
        simulator.close();
    }

    static UUID show() {
        UUID event = UUID.fromString(staff.post("/api/orgs/" + org + "/events", """
                {"name": "Checkout", "starts_at": "2027-03-01T19:00:00+02:00",
                 "seating": {"sections": [{"name": "Hall", "rows": [{"label": "A", "seats": 10, "category": "std"}]}],
                             "categories": [{"code": "std", "price_cents": 25000}]},
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 10000, "capacity": 50}]}""")
                .json().path("id").asText());
        staff.post("/api/orgs/" + org + "/events/" + event + "/publish", "{}");
        return event;
    }

    static String hold(UUID event, String body) {
        Api.Response held = staff.post("/api/orgs/" + org + "/events/" + event + "/holds", body);
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        return held.json().path("id").asText();
    }

    static String order(String holdId, String card, String coupon) {
        return "{\"hold_id\": \"" + holdId + "\", \"customer\": {\"name\": \"Thandi\", \"email\": \"thandi@example.com\"},"
                + (coupon == null ? "" : " \"coupon_code\": \"" + coupon + "\",") + " \"payment\": " + card + "}";
    }

    static HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", "Bearer " + staff.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The show's sold counter as Redis has it. */
    static long redisSold(UUID event) {
        try (RedisClient client = RedisClient.create("redis://127.0.0.1:6379")) {
            String value = client.get(TestEnv.REDIS_PREFIX + "ticketing:{evt:" + event + "}:sold");
            return value == null ? -1 : Long.parseLong(value);
        }
    }

    /** The body, after checking the status: an error body must never pass for the answer a test expects. */
    static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return za.voelgoed.shared.json.Json.tree(response.body());
    }

    @Test
    void aPaidOrderHasSignedTicketsItsEventsAndACapturedPaymentAndARetryReturnsTheSameOrder() throws Exception {
        UUID event = show();
        staff.post("/api/orgs/" + org + "/coupons", "{\"code\": \"TEN\", \"kind\": \"percent\", \"value\": 10}");
        String holdId = hold(event, "{\"seats\": [\"Hall:A:4\", \"Hall:A:5\"]}");
        String key = "checkout-" + UUID.randomUUID();

        HttpResponse<String> first = post("/api/orgs/" + org + "/orders", order(holdId, CARD, "TEN"), key);
        HttpResponse<String> again = post("/api/orgs/" + org + "/orders", order(holdId, CARD, "TEN"), key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode order = json(first, 201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again, 201).path("id").asText()).isEqualTo(order.path("id").asText());
        assertThat(Db.count("select count(*) from orders where hold_id = ?::uuid", holdId)).isEqualTo(1);
        assertThat(order.path("subtotal_cents").asLong()).isEqualTo(50000);
        assertThat(order.path("total_cents").asLong()).isEqualTo(45000);
        assertThat(order.path("tickets")).hasSize(2);
        long ticketSum = 0;
        for (JsonNode t : order.path("tickets")) {
            ticketSum += t.path("price_cents").asLong();
        }
        assertThat(ticketSum).isEqualTo(45000);

        JsonNode key0 = staff.get("/api/orgs/" + org + "/ticket-keys").json().path("items").get(0);
        PublicKey publicKey = TicketSigningKeys.publicKey(key0.path("public_key").asText());
        for (JsonNode t : order.path("tickets")) {
            var verified = TicketCodes.verify(org, Map.of(key0.path("key_id").asText(), publicKey), t.path("code").asText());
            assertThat(verified).isPresent();
            assertThat(verified.get().ticketId().toString()).isEqualTo(t.path("id").asText());
        }
        String orderId = order.path("id").asText();
        assertThat(Db.count("select count(*) from domain_events where event_type = 'ticket.sold.v1'"
                + " and persisted_change->>'order_id' = ?", orderId)).isEqualTo(2);
        assertThat(Db.count("select count(*) from domain_events where event_type in ('payment.authorized.v1',"
                + " 'coupon.applied.v1') and persisted_change->>'order_id' = ?", orderId)).isEqualTo(2);
        JsonNode seats = staff.get("/api/orgs/" + org + "/events/" + event + "/availability").json().path("seats");
        assertThat(seats.path("sold").asInt()).isEqualTo(2);
        assertThat(seats.path("held").asInt()).isZero();
        assertThat(redisSold(event)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> "captured".equals(
                Db.single("select status from payments where order_id = ?::uuid", orderId)));
        assertThat(simulator.requestsWithKey("order:" + orderId + ":authorize")).isEqualTo(1);
    }

    @Test
    void aRetriedCreateWithTheSameKeyMakesOneEventAndTheSameKeyWithAnotherBodyIsRefused() throws Exception {
        String key = "create-" + UUID.randomUUID();
        String body = "{\"name\": \"Once\", \"starts_at\": \"2027-05-01T19:00:00+02:00\"}";
        HttpResponse<String> first = post("/api/orgs/" + org + "/events", body, key);
        HttpResponse<String> retry = post("/api/orgs/" + org + "/events", body, key);
        HttpResponse<String> other = post("/api/orgs/" + org + "/events", body.replace("Once", "Twice"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(retry, 201).path("id").asText()).isEqualTo(json(first, 201).path("id").asText());
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other, 409).path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(Db.count("select count(*) from events where organization_id = ? and name in ('Once', 'Twice')", org))
                .isEqualTo(1);
    }

    @Test
    void captureWaitsWhileARefundIsInProgressAndCapturesIfTheRefundGivesThePaymentBack() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 1}");
        staff.post("/api/orgs/" + org + "/queues/payments/pause", "{}");
        String orderId = json(post("/api/orgs/" + org + "/orders", order(holdId, CARD, null), null), 201).path("id").asText();
        TestEnv.exec("update payments set status = 'refunding' where order_id = '" + orderId + "'");
        staff.post("/api/orgs/" + org + "/queues/payments/resume", "{}");

        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from jobs where worker ="
                + " 'payments.capture' and state = 'retryable' and errors::text like '%being refunded%'") == 1);
        assertThat(Db.single("select status from payments where order_id = ?::uuid", orderId)).isEqualTo("refunding");

        TestEnv.exec("update payments set status = 'authorized' where order_id = '" + orderId + "'");
        await().atMost(Duration.ofSeconds(30)).until(() -> "captured".equals(
                Db.single("select status from payments where order_id = ?::uuid", orderId)));
    }

    @Test
    void aDeclinedCardLeavesNoOrderNoTicketNoEventAndTheHoldInPlace() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 3}");
        long soldEvents = Db.count("select count(*) from domain_events where event_type = 'ticket.sold.v1'");

        HttpResponse<String> declined = post("/api/orgs/" + org + "/orders", order(holdId, DECLINED, null), null);

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(json(declined, 402).path("code").asText()).isEqualTo("payment_declined");
        assertThat(Db.count("select count(*) from orders where hold_id = ?::uuid", holdId)).isZero();
        assertThat(Db.count("select count(*) from tickets where event_id = ?", event)).isZero();
        assertThat(Db.count("select count(*) from domain_events where event_type = 'ticket.sold.v1'")).isEqualTo(soldEvents);
        assertThat(Db.single("select status from holds where id = ?::uuid", holdId)).isEqualTo("active");
        assertThat(Db.count("select held from ticket_types where event_id = ?", event)).isEqualTo(3);
    }

    @Test
    void anExpiredHoldCannotBeCheckedOut() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"seats\": [\"Hall:A:1\"]}");
        TestEnv.exec("update holds set expires_at = now() - interval '1 second' where id = '" + holdId + "'");

        HttpResponse<String> late = post("/api/orgs/" + org + "/orders", order(holdId, CARD, null), null);

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late, 409).path("code").asText()).isIn("hold_expired");
        assertThat(Db.count("select count(*) from orders where hold_id = ?::uuid", holdId)).isZero();
    }

    @Test
    void aCouponIsNeverUsedMoreThanItsLimitUnderConcurrentCheckouts() throws Exception {
        UUID event = show();
        staff.post("/api/orgs/" + org + "/coupons", "{\"code\": \"TWICE\", \"kind\": \"fixed\", \"value\": 500, \"usage_limit\": 2}");
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            holds.add(hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 1}"));
        }
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (String h : holds) {
                results.add(pool.submit(() -> post("/api/orgs/" + org + "/orders", order(h, CARD, "TWICE"), null)));
            }
        }
        int created = 0;
        for (Future<HttpResponse<String>> r : results) {
            int status = r.get().statusCode();
            assertThat(status).isIn(201, 409);
            created += status == 201 ? 1 : 0;
        }
        assertThat(created).isEqualTo(2);
        assertThat(Db.count("select used from coupons where organization_id = ? and code = 'TWICE'", org)).isEqualTo(2);
        assertThat(Db.count("select count(*) from orders where coupon_code = 'TWICE'")).isEqualTo(2);
    }

    @Test
    void aRefundLeftHalfwayIsFinishedByTheNextOneAndRecordedOnce() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 2}");
        String orderId = json(post("/api/orgs/" + org + "/orders", order(holdId, CARD, null), null), 201).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "captured".equals(
                Db.single("select status from payments where order_id = ?::uuid", orderId)));
        // as if a refund had marked the payment and then died before its ledger transaction
        TestEnv.exec("update payments set status = 'refunding' where order_id = '" + orderId + "'");

        HttpResponse<String> finished = post("/api/orgs/" + org + "/orders/" + orderId + "/refund", "{}", null);
        HttpResponse<String> again = post("/api/orgs/" + org + "/orders/" + orderId + "/refund", "{}", null);

        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(json(finished, 200).path("tickets")).allSatisfy(t -> assertThat(t.path("status").asText()).isEqualTo("void"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Db.count("select count(*) from refunds r join payments p on p.id = r.payment_id"
                + " where p.order_id = ?::uuid", orderId)).isEqualTo(1);
        assertThat(Db.count("select sold from ticket_types where event_id = ?", event)).isZero();
    }

    @Test
    void aRefundVoidsTheTicketsPutsTheSeatsBackAndASecondRefundIsRefused() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"seats\": [\"Hall:A:9\", \"Hall:A:10\"]}");
        String orderId = json(post("/api/orgs/" + org + "/orders", order(holdId, CARD, null), null), 201).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "captured".equals(
                Db.single("select status from payments where order_id = ?::uuid", orderId)));

        HttpResponse<String> refunded = post("/api/orgs/" + org + "/orders/" + orderId + "/refund",
                "{\"reason\": \"show moved, card 4111 1111 1111 1111\"}", null);
        HttpResponse<String> twice = post("/api/orgs/" + org + "/orders/" + orderId + "/refund", "{}", null);

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        assertThat(json(refunded, 200).path("status").asText()).isEqualTo("refunded");
        assertThat(json(refunded, 200).path("tickets")).allSatisfy(t -> assertThat(t.path("status").asText()).isEqualTo("void"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice, 409).path("code").asText()).isEqualTo("already_refunded");
        assertThat(Db.count("select count(*) from refunds r join payments p on p.id = r.payment_id"
                + " where p.order_id = ?::uuid", orderId)).isEqualTo(1);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'payment.refunded.v1'"
                + " and persisted_change->>'order_id' = ?", orderId)).isEqualTo(1);
        assertThat((String) Db.single("select r.reason from refunds r join payments p on p.id = r.payment_id"
                + " where p.order_id = ?::uuid", orderId)).isEqualTo("show moved, card [redacted-pan]");
        JsonNode seats = staff.get("/api/orgs/" + org + "/events/" + event + "/availability").json().path("seats");
        assertThat(seats.path("sold").asInt()).isZero();
        assertThat(redisSold(event)).isZero();
        assertThat(hold(event, "{\"seats\": [\"Hall:A:9\", \"Hall:A:10\"]}")).isNotBlank();
    }

    @Test
    void anIdempotentAnswerAndItsKeyHoldNoCardDataAndAreForgottenAfterTheRetention() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 1}");
        String key = "refused-" + UUID.randomUUID();
        String pan = "4111111111111111";
        String body = "{\"hold_id\": \"" + holdId + "\", \"customer\": {\"name\": \"T\", \"email\": \"t@example.com\"},"
                + " \"payment\": \"" + pan + "\"}";

        HttpResponse<String> refused = post("/api/orgs/" + org + "/orders", body, key);
        HttpResponse<String> replayed = post("/api/orgs/" + org + "/orders", body, key);
        HttpResponse<String> otherCard = post("/api/orgs/" + org + "/orders", body.replace(pan, "5555555555554444"), key);

        assertThat(json(refused, 400).path("code").asText()).isEqualTo("malformed_json");
        assertThat(refused.body()).doesNotContain(pan);
        assertThat(json(replayed, 400).path("code").asText()).isEqualTo("malformed_json");
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(otherCard, 409).path("code").asText()).as("another card is another request")
                .isEqualTo("idempotency_key_reused");
        var row = Db.rows("select request_hash, response::text from idempotency_keys where key = ?", key).get(0);
        assertThat(row.toString()).doesNotContain(pan).doesNotContain("4111");
        assertThat(row.get(0)).as("a keyed digest, not the body's bare SHA-256").isNotEqualTo(sha256(body));

        TestEnv.exec("update idempotency_keys set created_at = now() - interval '25 hours' where key = '" + key + "'");
        HttpResponse<String> afterRetention = post("/api/orgs/" + org + "/orders", body.replace(pan, "5555555555554444"), key);
        assertThat(json(afterRetention, 400).path("code").asText()).isEqualTo("malformed_json");
        assertThat(afterRetention.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aPaidCheckoutStoresItsAnswerWithoutTheCard() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 1}");
        String key = "paid-" + UUID.randomUUID();
        String body = order(holdId, CARD, null);
        json(post("/api/orgs/" + org + "/orders", body, key), 201);
        String stored = Db.rows("select request_hash, response::text from idempotency_keys where key = ?", key).toString();
        assertThat(stored).doesNotContain("4242").doesNotContain(sha256(body));
    }

    @Test
    void theProvidersOwnWordsAndFailuresStayInOurLog() throws Exception {
        UUID event = show();
        String holdId = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 1}");
        String badExpiry = "{\"card_number\": \"4242 4242 4242 4242\", \"expiry\": \"13/99\", \"cvv\": \"123\"}";
        HttpResponse<String> invalid = post("/api/orgs/" + org + "/orders", order(holdId, badExpiry, null), null);
        assertThat(json(invalid, 422).path("code").asText()).isEqualTo("payment_invalid");
        assertThat(invalid.body()).doesNotContain("invalid_expiry").doesNotContain("MM/YY");

        String paid = json(post("/api/orgs/" + org + "/orders", order(holdId, CARD, null), null), 201).path("id").asText();
        try (BackendNode unreachable = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL",
                "http://127.0.0.1:1", "VOELGOED_PAYMENTS_MAX_ATTEMPTS", "1", "VOELGOED_NODE_ID", "no-provider",
                "VOELGOED_JOBS_ENABLED", "false")))) {
            Api there = new Api(unreachable.port(), staff.token());
            var refund = there.post("/api/orgs/" + org + "/orders/" + paid + "/refund", "{}");
            assertThat(refund.problem(503).get("code").asText()).isEqualTo("payment_unavailable");
            assertThat(refund.body()).doesNotContain("Exception").doesNotContain("127.0.0.1").doesNotContain("attempt");
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
