package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.EffectsTable;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * A consumer that keeps failing on one event holds back that resource's later events for itself only,
 * is retried with backoff, parks, and resumes in order when an operator replays or skips it.
 */
class SequencedDeadLetterIT {

    /** Values of {@code n} the flaky consumer fails on; tests add and remove them. */
    static final Set<Integer> POISON = ConcurrentHashMap.newKeySet();
    /** Values of {@code n} the flaky consumer fails on once only. */
    static final Set<Integer> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    static BackendNode node;
    static Api api;
    final UUID org = UUID.randomUUID();
    final UUID r1 = UUID.randomUUID();
    final UUID r2 = UUID.randomUUID();

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        EffectsTable.create();
        ConsumerSpec flaky = ConsumerSpec.named("flaky.consumer").on("widget.changed", 1).transactional()
                .handler((event, ctx) -> {
                    int n = event.persistedChange().get("n").asInt();
                    if (POISON.contains(n) || FAIL_ONCE.remove(n)) {
                        throw new IllegalStateException("poison value " + n);
                    }
                    EffectsTable.record(ctx.sql(), "flaky.consumer", "n", event);
                });
        node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA).withConsumer(flaky)
                .withConsumer(EffectsTable.consumer("steady.consumer", "n", "widget.changed")));
        api = new Api(node.port(), TestEnv.ADMIN_TOKEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void clean() {
        TestEnv.exec("truncate test_effects, consumer_blocks, consumer_block_audit");
        POISON.clear();
        FAIL_ONCE.clear();
    }

    @Test
    void failingConsumerHoldsBackItsResourceParksAndResumesInOrderAfterReplay() {
        POISON.add(20);
        emit(r1, 1, 20, 3, 4);
        emit(r2, 1, 2, 3);
        UUID block = awaitParkedBlock();

        assertThat(applied("flaky.consumer", r1)).containsExactly(1L);
        assertThat(applied("flaky.consumer", r2)).containsExactly(1L, 2L, 3L);
        assertThat(applied("steady.consumer", r1)).containsExactly(1L, 2L, 3L, 4L);

        JsonNode parked = api.get("/api/admin/outbox/blocks?state=parked").json().get("items");
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).get("consumer").asText()).isEqualTo("flaky.consumer");
        assertThat(parked.get(0).get("head_seq").asLong()).isEqualTo(2);
        assertThat(parked.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(parked.get(0).get("errors")).hasSize(3);
        assertThat(parked.get(0).get("last_error").asText()).contains("poison value 20");

        emit(r1, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied("steady.consumer", r1).size() == 5);
        assertThat(applied("flaky.consumer", r1)).containsExactly(1L);

        POISON.clear();
        var replay = api.post("/api/admin/outbox/blocks/" + block + "/replay", "{\"reason\":\"fixed the handler\"}");
        assertThat(replay.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count("select count(*) from consumer_blocks") == 0);
        assertThat(applied("flaky.consumer", r1)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(audit(block)).containsExactly("blocked", "parked", "replayed", "resolved");
        assertThat(Db.single("select reason from consumer_block_audit where block_id = ? and action = 'replayed'", block))
                .isEqualTo("fixed the handler");
    }

    @Test
    void skippingTheHeadRecordsItAsHandledAndGoesOn() {
        POISON.add(2);
        emit(r1, 1, 2, 3);
        UUID block = awaitParkedBlock();
        var skip = api.post("/api/admin/outbox/blocks/" + block + "/skip", "{\"reason\":\"event cannot be mapped\"}");
        assertThat(skip.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count("select count(*) from consumer_blocks") == 0);
        assertThat(applied("flaky.consumer", r1)).containsExactly(1L, 3L);
        assertThat(audit(block)).containsExactly("blocked", "parked", "skipped", "resolved");
    }

    @Test
    void transientFailureIsRetriedWithoutAnOperator() {
        FAIL_ONCE.add(2);
        emit(r1, 1, 2, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied("flaky.consumer", r1).size() == 3);
        assertThat(applied("flaky.consumer", r1)).containsExactly(1L, 2L, 3L);
        assertThat(Db.count("select count(*) from consumer_blocks")).isZero();
        assertThat(Db.rows("select action from consumer_block_audit order by id").stream().map(r -> r.get(0)))
                .containsExactly("blocked", "resolved");
    }

    @Test
    void operatorRoutesRefuseBadInputAndChangeNothing() {
        POISON.add(1);
        emit(r1, 1);
        UUID block = awaitParkedBlock();
        assertThat(api.post("/api/admin/outbox/blocks/" + block + "/replay", "{}").status()).isEqualTo(422);
        assertThat(api.post("/api/admin/outbox/blocks/" + block + "/replay", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/admin/outbox/blocks/" + UUID.randomUUID() + "/replay", "{\"reason\":\"why not\"}")
                .status()).isEqualTo(404);
        assertThat(api.post("/api/admin/outbox/blocks/not-a-uuid/replay", "{\"reason\":\"why not\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/api/admin/outbox/blocks?state=bogus").status()).isEqualTo(400);
        assertThat(api.get("/api/admin/outbox/blocks?limit=abc").problem(400).get("code").asText()).isEqualTo("invalid_query");
        assertThat(api.withToken("wrong").get("/api/admin/outbox/blocks").status()).isEqualTo(401);
        assertThat(audit(block)).containsExactly("blocked", "parked");
        assertThat(Db.single("select state from consumer_blocks where id = ?", block)).isEqualTo("parked");
    }

    private void emit(UUID resource, int... values) {
        for (int n : values) {
            node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, org, resource,
                    Widgets.change(resource, n)));
        }
    }

    private static UUID awaitParkedBlock() {
        await().atMost(Duration.ofSeconds(15)).until(() ->
                Db.count("select count(*) from consumer_blocks where state = 'parked'") == 1);
        return (UUID) Db.single("select id from consumer_blocks where state = 'parked'");
    }

    private static List<Long> applied(String consumer, UUID resource) {
        return Db.rows("select seq from test_effects where consumer = ? and resource_id = ? order by id",
                consumer, resource).stream().map(r -> (Long) r.get(0)).toList();
    }

    private static List<Object> audit(UUID block) {
        return Db.rows("select action from consumer_block_audit where block_id = ? order by id", block).stream()
                .map(r -> r.get(0)).toList();
    }

}
