package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.payments.Authorization;
import za.voelgoed.payments.AuthorizationRequest;
import za.voelgoed.payments.AuthorizationStatus;
import za.voelgoed.payments.CardDetails;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * A checkout that a crash or a reconciliation interrupts: the reconciliation decides from the checkout's own
 * attempt whether an authorisation without an order may be voided, and a retry that takes over the key of a
 * checkout that committed but never answered gets that order.
 */
class CheckoutRecoveryIT {

    static Shop shop;

    @BeforeAll
    static void start() {
        shop = new Shop("recovery");
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    /** Runs the reconciliation with no grace at all, as the job's args allow, and waits for it to finish. */
    static void reconcileNow() {
        long job = shop.node.jobs().enqueue(JobRequest.of(PaymentReconciliation.NAME, shop.org,
                Json.object().put("orphan_grace_seconds", 0))).jobId();
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(
                Db.single("select state from jobs where id = ?", job)));
    }

    @Test
    void aReconciliationWhileACheckoutIsBetweenAuthorisationAndCommitLeavesTheAuthorisationToTheOrder() throws Exception {
        String holdId = shop.hold(shop.show(), "{\"ticket_type\": \"ga\", \"quantity\": 1}");
        Future<Api.Response> checkout;
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor();
             Connection paused = TestEnv.connect()) {
            // the order's transaction locks the hold right after the authorisation: holding it pauses the checkout
            paused.setAutoCommit(false);
            try (PreparedStatement lock = paused.prepareStatement("select id from holds where id = ?::uuid for update")) {
                lock.setString(1, holdId);
                lock.executeQuery().close();
            }
            checkout = buyers.submit(() -> shop.staff.post("/api/orgs/" + shop.org + "/orders", Shop.order(holdId)));
            await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from pg_stat_activity"
                    + " where datname = current_database() and wait_event_type = 'Lock' and query ilike '%from holds%'") == 1);

            reconcileNow();

            assertThat(checkout.isDone()).as("the checkout is still waiting to commit").isFalse();
            paused.commit();
            JsonNode order = checkout.get(30, TimeUnit.SECONDS).expect(201);
            String authId = (String) Db.single("select provider_auth_id from payments where order_id = ?::uuid",
                    order.path("id").asText());
            assertThat(shop.provider.status(authId).status()).as("the order's authorisation")
                    .isIn(AuthorizationStatus.AUTHORIZED, AuthorizationStatus.CAPTURED);
            await().atMost(Duration.ofSeconds(20)).until(() -> "captured".equals(
                    Db.single("select status from payments where id = (select id from payments where provider_auth_id = ?)",
                            authId)));
            assertThat(Db.single("select state from checkout_attempts where order_id = ?::uuid",
                    order.path("id").asText())).isEqualTo("committed");
        }
    }

    @Test
    void anAttemptWhoseNodeStoppedRenewingItsLeaseIsVoidedAndRecordedWhileALiveOneIsLeftWhateverItsAge() {
        UUID show = shop.show();
        UUID dead = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        Authorization deadAuth = authorize(dead, 7_500);
        Authorization liveAuth = authorize(live, 2_500);
        attempt(dead, show, 7_500, "now() - interval '1 second'", "now()");
        attempt(live, show, 2_500, "now() + interval '1 minute'", "now() - interval '1 day'");

        reconcileNow();

        assertThat(shop.provider.status(deadAuth.id()).status()).isEqualTo(AuthorizationStatus.VOIDED);
        assertThat(shop.provider.status(liveAuth.id()).status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(Db.single("select state from checkout_attempts where order_id = ?", dead)).isEqualTo("voided");
        assertThat(Db.single("select state from checkout_attempts where order_id = ?", live)).isEqualTo("authorizing");
        JsonNode reconciled = Shop.events("payment.reconciled.v1", dead.toString()).get(0);
        assertThat(reconciled.path("action").asText()).isEqualTo("orphan_voided");
        assertThat(reconciled.path("amount_cents").asLong()).isEqualTo(7_500);
        assertThat(reconciled.path("event_id").asText()).isEqualTo(show.toString());
        assertThat(Shop.writers("payment.reconciled.v1", dead.toString())).containsExactly((String) Db.single(
                "select xmin::text from checkout_attempts where order_id = ?", dead));
        assertThat(Shop.events("payment.reconciled.v1", live.toString())).isEmpty();
    }

    @Test
    void aRetryThatTakesOverTheKeyOfACheckoutWhichCommittedButNeverAnsweredGetsThatOrder() {
        String holdId = shop.hold(shop.show(), "{\"ticket_type\": \"ga\", \"quantity\": 1}");
        String key = "lost-answer-" + UUID.randomUUID();
        JsonNode first = shop.checkout(holdId, key).expect(201);
        // as if the node died after the order's commit and before the answer was stored, and the lease ran out
        TestEnv.exec("update idempotency_keys set status = null, response = null,"
                + " reserved_at = now() - interval '3 minutes' where key = '" + key + "'");

        Api.Response retry = shop.checkout(holdId, key);

        assertThat(retry.expect(201).path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(retry.expect(201).path("tickets")).isEqualTo(first.path("tickets"));
        assertThat(Db.count("select count(*) from orders where hold_id = ?::uuid", holdId)).isEqualTo(1);
        assertThat(shop.checkout(holdId, key).expect(201).path("id").asText()).as("answered from the key now")
                .isEqualTo(first.path("id").asText());
    }

    private static Authorization authorize(UUID orderId, long cents) {
        return shop.provider.authorize(new AuthorizationRequest(cents, "ZAR", new CardDetails("4242424242424242",
                "12/30", "123"), PaymentReconciliation.reference(shop.org, orderId)), "test:attempt:" + orderId);
    }

    /** An attempt authorising since {@code createdAt}, under a lease until {@code leaseUntil}. */
    private static void attempt(UUID orderId, UUID show, long cents, String leaseUntil, String createdAt) {
        TestEnv.exec("insert into checkout_attempts (order_id, organization_id, event_id, hold_id, amount_cents,"
                + " currency, state, node_id, lease_until, created_at) values ('" + orderId + "', '" + shop.org + "', '"
                + show + "', '" + UUID.randomUUID() + "', " + cents + ", 'ZAR', 'authorizing', 'gone', " + leaseUntil
                + ", " + createdAt + ")");
    }
}
