package za.voelgoed.ticketing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.BackendNode;
import za.voelgoed.payments.HttpPaymentProvider;
import za.voelgoed.payments.PaymentSettings;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * A node with the payment simulator and one organisation's staff: shows, holds and checkouts over HTTP, and
 * what the outbox recorded. For tests that follow orders and payments through their events.
 */
final class Shop implements AutoCloseable {

    static final String CARD = "{\"card_number\": \"4242 4242 4242 4242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}";

    final PaymentSimulatorProcess simulator;
    final BackendNode node;
    final HttpPaymentProvider provider;
    final Api staff;
    final UUID org;

    Shop(String nodeId) {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", nodeId, "VOELGOED_JOBS_POLL_INTERVAL_MS", "200")));
        provider = new HttpPaymentProvider(new PaymentSettings(simulator.url(), 1_000, 5_000, 3));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Shop " + nodeId);
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    /** A published show: ten seats Hall:A:1–10 at 250.00 and 50 general-admission tickets at 100.00. */
    UUID show() {
        UUID event = UUID.fromString(staff.post("/api/orgs/" + org + "/events", """
                {"name": "Shop", "starts_at": "2027-03-01T19:00:00+02:00",
                 "seating": {"sections": [{"name": "Hall", "rows": [{"label": "A", "seats": 10, "category": "std"}]}],
                             "categories": [{"code": "std", "price_cents": 25000}]},
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 10000, "capacity": 50}]}""")
                .json().path("id").asText());
        staff.post("/api/orgs/" + org + "/events/" + event + "/publish", "{}").json();
        return event;
    }

    String hold(UUID event, String body) {
        return staff.post("/api/orgs/" + org + "/events/" + event + "/holds", body).expect(201).path("id").asText();
    }

    static String order(String holdId) {
        return "{\"hold_id\": \"" + holdId + "\", \"customer\": {\"name\": \"Thandi\", \"email\": \"thandi@example.com\"},"
                + " \"payment\": " + CARD + "}";
    }

    /** Checks the hold out and returns the order. */
    JsonNode checkout(String holdId) {
        return staff.post("/api/orgs/" + org + "/orders", order(holdId)).expect(201);
    }

    JsonNode refund(String orderId) {
        return staff.post("/api/orgs/" + org + "/orders/" + orderId + "/refund", "{}").expect(200);
    }

    /** A checkout under an {@code Idempotency-Key}. */
    Api.Response checkout(String holdId, String idempotencyKey) {
        return staff.post("/api/orgs/" + org + "/orders", order(holdId), Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The data of the events of a type whose data names the order, oldest first. */
    static List<JsonNode> events(String type, String orderId) {
        return Db.rows("select persisted_change::text from domain_events where event_type = ?"
                + " and persisted_change->>'order_id' = ? order by position", type, orderId).stream()
                .map(row -> Json.tree((String) row.get(0))).toList();
    }

    /**
     * The transaction ids that wrote the events of a type for the order: {@code xmin} of their rows, compared
     * with {@code xmin} of a state row to prove both were written by one transaction.
     */
    static List<String> writers(String type, String orderId) {
        return Db.rows("select xmin::text from domain_events where event_type = ? and persisted_change->>'order_id' = ?",
                type, orderId).stream().map(row -> (String) row.get(0)).toList();
    }

    static String paymentWriter(String orderId) {
        return (String) Db.single("select xmin::text from payments where order_id = ?::uuid", orderId);
    }

    @Override
    public void close() {
        node.close();
        simulator.close();
    }
}
