package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.payments.AuthorizationRequest;
import za.voelgoed.payments.AuthorizationStatus;
import za.voelgoed.payments.CardDetails;
import za.voelgoed.payments.HttpPaymentProvider;
import za.voelgoed.payments.PaymentSettings;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * The reconciliation job against the simulator's ledger: an authorisation whose order never committed is
 * voided, and a capture the provider made but we did not record is recorded.
 */
class PaymentReconciliationIT {

    static PaymentSimulatorProcess simulator;
    static BackendNode node;
    static HttpPaymentProvider provider;
    static Api staff;
    static UUID org;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", "reconcile", "VOELGOED_JOBS_POLL_INTERVAL_MS", "200")));
        provider = new HttpPaymentProvider(new PaymentSettings(simulator.url(), 1_000, 5_000, 3));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Reconcile");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
        simulator.close();
    }

    @Test
    void anOrphanAuthorisationIsVoidedAndAnUnrecordedCaptureIsRecorded() {
        UUID orphanOrder = UUID.randomUUID();
        var orphan = provider.authorize(new AuthorizationRequest(5_000, "ZAR",
                new CardDetails("4242424242424242", "12/30", "123"), PaymentReconciliation.reference(org, orphanOrder)),
                "test:orphan:" + orphanOrder);

        UUID event = UUID.fromString(staff.post("/api/orgs/" + org + "/events", """
                {"name": "Rec", "starts_at": "2027-03-01T19:00:00+02:00",
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 10000, "capacity": 5}]}""")
                .json().path("id").asText());
        staff.post("/api/orgs/" + org + "/events/" + event + "/publish", "{}");
        String hold = staff.post("/api/orgs/" + org + "/events/" + event + "/holds",
                "{\"ticket_type\": \"ga\", \"quantity\": 1}").json().path("id").asText();
        staff.post("/api/orgs/" + org + "/queues/payments/pause", "{}");
        String orderId = staff.post("/api/orgs/" + org + "/orders", "{\"hold_id\": \"" + hold + "\", \"customer\":"
                + " {\"name\": \"A\", \"email\": \"a@example.com\"}, \"payment\": {\"card_number\": \"4242424242424242\","
                + " \"expiry\": \"12/30\", \"cvv\": \"123\"}}").json().path("id").asText();
        String authId = Db.single("select provider_auth_id from payments where order_id = ?::uuid", orderId).toString();
        provider.capture(authId, OptionalLong.empty(), "test:capture:" + authId);
        assertThat(Db.single("select status from payments where order_id = ?::uuid", orderId)).isEqualTo("authorized");

        // the capture job would find the capture too: take it away, as if it had been lost
        TestEnv.exec("delete from jobs where worker = 'payments.capture'");
        node.jobs().enqueue(JobRequest.of(PaymentReconciliation.NAME, org, Json.object().put("orphan_grace_seconds", 0)));
        staff.post("/api/orgs/" + org + "/queues/payments/resume", "{}");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                provider.status(orphan.id()).status() == AuthorizationStatus.VOIDED);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "captured".equals(Db.single("select status from payments where order_id = ?::uuid", orderId)));
        assertThat(provider.status(authId).capturedCents()).isEqualTo(10_000);
    }
}
