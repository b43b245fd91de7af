package za.voelgoed.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    private static final String PATH = "/v1/authorizations";
    private final IdempotencyStore store = new IdempotencyStore();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void repeatedKeyWithSameBodyReplaysTheFirstAnswerWithoutRunningAgain() {
        IdempotencyStore.Outcome first = store.run("k", "POST", PATH, body("{\"a\":1}"), () -> created("auth_1"));
        IdempotencyStore.Outcome second = store.run("k", "POST", PATH, body("{\"a\":1}"), () -> created("auth_2"));

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.response()).isEqualTo(first.response());
        assertThat(second.response().body()).contains("auth_1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        store.run("k", "POST", PATH, body("{\"amount_cents\":100}"), () -> created("auth_1"));

        assertThatThrownBy(() -> store.run("k", "POST", PATH, body("{\"amount_cents\":101}"), () -> created("x")))
                .isInstanceOfSatisfying(SimulatorException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("idempotency_key_reused");
                });
        assertThat(runs).hasValue(1);
    }

    @Test
    void sameKeyOnAnotherPathIsRefused() {
        store.run("k", "POST", PATH, body(""), () -> created("auth_1"));

        assertThatThrownBy(() -> store.run("k", "POST", PATH + "/auth_1/void", body(""), () -> created("x")))
                .isInstanceOfSatisfying(SimulatorException.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
    }

    @Test
    void serverErrorsAreNotKeptSoTheRetryRunsAgain() {
        IdempotencyStore.Outcome failed = store.run("k", "POST", PATH, body("{}"), () -> {
            runs.incrementAndGet();
            return Response.error(503, "processor_unavailable", "down");
        });
        IdempotencyStore.Outcome retried = store.run("k", "POST", PATH, body("{}"), () -> created("auth_1"));

        assertThat(failed.response().status()).isEqualTo(503);
        assertThat(retried.replayed()).isFalse();
        assertThat(retried.response().status()).isEqualTo(201);
        assertThat(runs).hasValue(2);
    }

    @Test
    void clientErrorsAreKeptAndReplayed() {
        store.run("k", "POST", PATH, body("{}"), () -> {
            runs.incrementAndGet();
            return Response.error(422, "invalid_cvv", "cvv must be 3 or 4 digits");
        });
        IdempotencyStore.Outcome again = store.run("k", "POST", PATH, body("{}"), () -> created("auth_1"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.response().status()).isEqualTo(422);
        assertThat(runs).hasValue(1);
    }

    @Test
    void racingRequestsWithOneKeyRunOnce() throws Exception {
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IdempotencyStore.Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return store.run("k", "POST", PATH, body("{}"), () -> {
                        sleep(20);
                        return created("auth_" + runs.get());
                    });
                }));
            }
            start.countDown();
            List<IdempotencyStore.Outcome> done = new ArrayList<>();
            for (Future<IdempotencyStore.Outcome> outcome : outcomes) {
                done.add(outcome.get());
            }
            assertThat(runs).hasValue(1);
            assertThat(done).filteredOn(o -> !o.replayed()).hasSize(1);
            assertThat(done).extracting(IdempotencyStore.Outcome::response).containsOnly(done.getFirst().response());
        }
    }

    private Response created(String id) {
        runs.incrementAndGet();
        return Response.json(201, java.util.Map.of("id", id));
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
