package za.voelgoed.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.PaymentSimulatorProcess;

/** The HTTP adapter against the payment simulator running as a separate process. */
class HttpPaymentProviderIT {

    private static final String CARD = "4242424242424242";
    private static PaymentSimulatorProcess simulator;
    private static HttpPaymentProvider provider;

    private final String order = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startSimulator() {
        simulator = PaymentSimulatorProcess.start();
        provider = new HttpPaymentProvider(new PaymentSettings(simulator.url(), 1000, 5000, 3));
    }

    @AfterAll
    static void stopSimulator() {
        provider.close();
        simulator.close();
    }

    @Test
    void authorizeCaptureAndRefund() {
        Authorization authorized = provider.authorize(request(CARD, 15_000), order + ":authorize");
        Authorization captured = provider.capture(authorized.id(), OptionalLong.empty(), order + ":capture");
        Refund refund = provider.refund(authorized.id(), 5_000, order + ":refund-1");
        Authorization state = provider.status(authorized.id());

        assertThat(authorized.id()).startsWith("auth_");
        assertThat(authorized.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(authorized.cardLast4()).isEqualTo("4242");
        assertThat(authorized.reference()).isEqualTo(order);
        assertThat(captured.status()).isEqualTo(AuthorizationStatus.CAPTURED);
        assertThat(captured.capturedCents()).isEqualTo(15_000);
        assertThat(refund.id()).startsWith("ref_");
        assertThat(refund.authorizationId()).isEqualTo(authorized.id());
        assertThat(refund.status()).isEqualTo("succeeded");
        assertThat(state.refundedCents()).isEqualTo(5_000);
        assertThat(state.refunds()).extracting(Refund::id).containsExactly(refund.id());
    }

    @Test
    void voidReleasesAnUncapturedAuthorisation() {
        Authorization authorized = provider.authorize(request(CARD, 900), order + ":authorize");

        Authorization voided = provider.voidAuthorization(authorized.id(), order + ":void");

        assertThat(voided.status()).isEqualTo(AuthorizationStatus.VOIDED);
        assertThat(provider.status(authorized.id()).status()).isEqualTo(AuthorizationStatus.VOIDED);
        assertRejected(() -> provider.capture(authorized.id(), OptionalLong.empty(), order + ":capture"),
                409, "authorization_voided");
    }

    @Test
    void declinedCardsThrowPaymentDeclinedWithTheirCode() {
        assertThatThrownBy(() -> provider.authorize(request("4000000000000002", 500), order + ":a"))
                .isInstanceOfSatisfying(PaymentDeclined.class, e -> {
                    assertThat(e.code()).isEqualTo("card_declined");
                    assertThat(e.authorization().status()).isEqualTo(AuthorizationStatus.DECLINED);
                });
        assertThatThrownBy(() -> provider.authorize(request("4000000000009995", 500), order + ":b"))
                .isInstanceOfSatisfying(PaymentDeclined.class,
                        e -> assertThat(e.code()).isEqualTo("insufficient_funds"));
    }

    @Test
    void invalidCardIsRejectedOnceWithoutRetry() {
        String key = order + ":authorize";

        assertRejected(() -> provider.authorize(request("4242424242424241", 500), key), 422, "invalid_card_number");

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(() -> simulator.requestsWithKey(key) == 1);
    }

    @Test
    void refundBeyondTheCapturedAmountIsRejected() {
        Authorization authorized = provider.authorize(request(CARD, 1_000), order + ":authorize");
        provider.capture(authorized.id(), OptionalLong.of(600), order + ":capture");

        assertRejected(() -> provider.refund(authorized.id(), 601, order + ":refund"), 409, "refund_exceeds_captured");
        assertRejected(() -> provider.capture(authorized.id(), OptionalLong.of(1), order + ":capture-2"),
                409, "already_captured");
        assertRejected(() -> provider.status("auth_unknown"), 404, "authorization_not_found");
    }

    @Test
    void sameKeyTwiceReturnsTheSameAuthorisationAndChargesOnce() {
        Authorization first = provider.authorize(request(CARD, 700), order + ":authorize");
        Authorization second = provider.authorize(request(CARD, 700), order + ":authorize");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(ledgerEntriesFor(provider, order)).containsExactly(first.id());
        assertRejected(() -> provider.authorize(request(CARD, 701), order + ":authorize"),
                409, "idempotency_key_reused");
    }

    @Test
    void timedOutAuthorisationIsRetriedWithTheSameKeyAndChargedOnce() {
        try (var slow = PaymentSimulatorProcess.start("--timeout-rate", "1", "--timeout-sleep-ms", "3000");
             var client = new HttpPaymentProvider(new PaymentSettings(slow.url(), 1000, 1500, 3))) {
            String key = order + ":authorize";

            Authorization authorized = client.authorize(request(CARD, 2_500), key);

            assertThat(ledgerEntriesFor(client, order)).containsExactly(authorized.id());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(slow.requestsWithKey(key)).isEqualTo(2);
                assertThat(slow.requestLines()).anyMatch(line -> line.contains(key) && line.contains("replayed=true"));
                assertThat(slow.requestLines()).anyMatch(line -> line.contains(key) && line.contains("fault=timeout"));
            });
        }
    }

    @Test
    void injectedFailuresAreRetriedUntilTheProviderAnswers() {
        // with this seed the first two attempts draw a 503 (asserted below), the third goes through
        try (var flaky = PaymentSimulatorProcess.start("--failure-rate", "0.6", "--seed", "11");
             var client = new HttpPaymentProvider(new PaymentSettings(flaky.url(), 1000, 2000, 8))) {
            String key = order + ":authorize";

            Authorization authorized = client.authorize(request(CARD, 1_200), key);

            assertThat(authorized.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
            await().untilAsserted(() -> assertThat(flaky.requestLines())
                    .filteredOn(line -> line.contains(key))
                    .extracting(line -> line.replaceAll(".* status=(\\d+) .*", "$1"))
                    .containsExactly("503", "503", "201"));
            assertThat(ledgerEntriesFor(client, order)).containsExactly(authorized.id());
        }
    }

    @Test
    void processorDownCardExhaustsTheAttemptsWithOneKey() {
        String key = order + ":authorize";

        assertThatThrownBy(() -> provider.authorize(request("4000000000000119", 500), key))
                .isInstanceOfSatisfying(PaymentUnavailable.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("processor_unavailable").doesNotContain("4000000000000119");
                });
        await().untilAsserted(() -> assertThat(simulator.requestLines())
                .filteredOn(line -> line.contains("idempotency_key=" + key + " "))
                .hasSize(3)
                .allMatch(line -> line.contains("status=503")));
    }

    @Test
    void providerSlowerThanTheRequestTimeoutIsUnavailable() {
        try (var slow = PaymentSimulatorProcess.start("--latency-ms", "3000");
             var client = new HttpPaymentProvider(new PaymentSettings(slow.url(), 1000, 300, 2))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.authorize(request(CARD, 500), order + ":authorize"))
                    .isInstanceOfSatisfying(PaymentUnavailable.class, e -> {
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void unreachableProviderIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var client = new HttpPaymentProvider(new PaymentSettings("http://127.0.0.1:" + closedPort, 500, 500, 2))) {
            assertThatThrownBy(() -> client.authorize(request(CARD, 500), order + ":authorize"))
                    .isInstanceOfSatisfying(PaymentUnavailable.class, e -> {
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                    });
        }
    }

    @Test
    void concurrentAuthorisationsAllSucceedWithDistinctIds() throws Exception {
        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Authorization>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String key = order + ":authorize-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return provider.authorize(request(CARD, 100), key);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Authorization> result : results) {
                Authorization authorization = result.get();
                assertThat(authorization.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
                ids.add(authorization.id());
            }
            assertThat(ids).hasSize(threads);
            assertThat(ledgerEntriesFor(provider, order)).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void ledgerPagesFollowOneAnother() {
        // the simulator's clock is this machine's, so everything created from here on is at or after it
        Instant since = Instant.now();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(provider.authorize(request(CARD, 100 + i), order + ":authorize-" + i).id());
        }

        LedgerPage first = provider.ledger(since, null, 2);
        LedgerPage second = provider.ledger(since, first.nextAfter(), 2);

        assertThat(first.authorizations()).extracting(Authorization::id)
                .containsExactly(created.get(0), created.get(1));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.authorizations()).extracting(Authorization::id).containsExactly(created.get(2));
        assertThat(second.hasMore()).isFalse();
        assertThat(second.nextAfter()).isNull();
    }

    /** Ids of every authorisation in the provider's ledger whose reference is {@code reference}. */
    private static List<String> ledgerEntriesFor(PaymentProvider client, String reference) {
        List<String> ids = new ArrayList<>();
        String after = null;
        LedgerPage page;
        do {
            page = client.ledger(null, after, 100);
            page.authorizations().stream().filter(a -> reference.equals(a.reference()))
                    .forEach(a -> ids.add(a.id()));
            after = page.nextAfter();
        } while (page.hasMore());
        return ids;
    }

    private AuthorizationRequest request(String card, long cents) {
        return new AuthorizationRequest(cents, "ZAR", new CardDetails(card, "12/99", "123"), order);
    }

    private static void assertRejected(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PaymentRejected.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
