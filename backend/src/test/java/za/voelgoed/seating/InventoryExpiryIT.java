package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/**
 * A show's Redis state over the show's life: its keys expire some days after it ended, a start loads only
 * the shows on sale or to come, and any other show loads when first used. Shows are made past by moving
 * their times back in PostgreSQL; "FLUSHALL" deletes this run's keys only (other runs share the server).
 */
class InventoryExpiryIT {

    static final Duration GRACE = Duration.ofHours(168);
    static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    final List<BackendNode> nodes = new ArrayList<>();
    final Redis connection = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX);
    final RedisClient redis = connection.client();
    Api staff;
    UUID org;

    @BeforeEach
    void start() {
        TestEnv.truncateAll();
        BackendNode node = node("expiry-a");
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Expiry");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterEach
    void stop() {
        nodes.forEach(BackendNode::close);
        connection.close();
    }

    @Test
    void keysOfAShowExpireTheGraceAfterItEndsAndKeysMadeLaterExpireWithThem() {
        Instant starts = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        UUID current = show(starts, true);
        UUID endedYesterday = pastShow(1);
        UUID longOver = pastShow(30);
        Map<UUID, String> holds = new HashMap<>();
        for (UUID show : List.of(current, endedYesterday, longOver)) {
            holds.put(show, hold(show, "Floor:A:1").expect(201).path("id").asText());
        }

        assertThat(expiresAt(current)).isEqualTo(starts.plus(DEFAULT_LENGTH).plus(GRACE).toEpochMilli());
        assertThat(redis.pttl(loaded(endedYesterday))).isBetween(GRACE.minusDays(1).minusMinutes(5).toMillis(),
                GRACE.minusDays(1).toMillis());
        assertThat(redis.pttl(loaded(longOver))).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).toMillis());

        assertThat(staff.delete(base(endedYesterday) + "/holds/" + holds.get(endedYesterday)).status()).isEqualTo(204);
        assertThat(redis.exists(TestEnv.REDIS_PREFIX + "seating:{evt:" + endedYesterday + "}:holds"))
                .as("an emptied zset is deleted").isFalse();
        hold(endedYesterday, "Floor:A:2").expect(201);
        // made again by that hold, it expires with the show all the same
        expiresAt(endedYesterday);
    }

    @Test
    void afterAFlushAndARestartOnlyCurrentShowsAreLoadedAndAPastShowLoadsOnFirstUse() {
        UUID onSale = show(Instant.now().plus(Duration.ofDays(10)), true);
        UUID draft = show(Instant.now().plus(Duration.ofDays(20)), false);
        UUID over = pastShow(10);
        UUID cancelled = show(Instant.now().plus(Duration.ofDays(5)), true);
        TestEnv.exec("update events set status = 'cancelled' where id = '" + cancelled + "'");
        nodes.getFirst().close();
        nodes.clear();
        flushThisRunsKeys();

        BackendNode restarted = node("expiry-b");
        staff = new Api(restarted.port(), staff.token());

        assertThat(redis.exists(loaded(onSale))).isTrue();
        assertThat(redis.exists(loaded(draft))).as("upcoming").isTrue();
        assertThat(keysOf(over)).as("over: loads on first use").isEmpty();
        assertThat(keysOf(cancelled)).isEmpty();

        hold(over, "Floor:A:3").expect(201);
        assertThat(redis.pttl(loaded(over))).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).toMillis());
        assertThat(hold(over, "Floor:A:3").problem(409).path("code").asText()).isEqualTo("seats_taken");
        staff.get(base(over) + "/availability").expect(200);
        assertThat(hold(cancelled, "Floor:A:3").problem(409).path("code").asText()).isEqualTo("event_not_on_sale");
        assertThat(keysOf(cancelled)).isEmpty();
    }

    @Test
    void aRefundFollowedIntoRedisForAShowNotLoadedLeavesNoKeysBehind() {
        UUID over = pastShow(10);

        new RedisInventory(connection).returnSold(over, null, 1, List.of(0));

        assertThat(keysOf(over)).as("its next load reads the refund from PostgreSQL").isEmpty();
    }

    private BackendNode node(String id) {
        BackendNode node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", id,
                "VOELGOED_INVENTORY_KEEP_AFTER_END_HOURS", String.valueOf(GRACE.toHours()),
                "VOELGOED_SHOW_DEFAULT_HOURS", String.valueOf(DEFAULT_LENGTH.toHours()))));
        nodes.add(node);
        return node;
    }

    /** A show with four seats and no end time; published when {@code publish}. */
    private UUID show(Instant startsAt, boolean publish) {
        UUID show = UUID.fromString(staff.post("/api/orgs/" + org + "/events", """
                {"name": "Expiry", "starts_at": "%s",
                 "seating": {"sections": [{"name": "Floor", "rows": [{"label": "A", "seats": 4, "category": "std"}]}],
                             "categories": [{"code": "std", "price_cents": 10000}]}}""".formatted(startsAt))
                .expect(201).path("id").asText());
        if (publish) {
            staff.post(base(show) + "/publish", "{}").expect(200);
        }
        return show;
    }

    /** A published show that ended {@code days} ago after three hours. */
    private UUID pastShow(int days) {
        UUID show = show(Instant.now().plus(Duration.ofDays(1)), true);
        TestEnv.exec("update events set ends_at = now() - interval '" + days + " days', starts_at = now() - interval '"
                + days + " days' - interval '3 hours' where id = '" + show + "'");
        return show;
    }

    private Api.Response hold(UUID show, String seat) {
        return staff.post(base(show) + "/holds", "{\"seats\": [\"" + seat + "\"]}");
    }

    private String base(UUID show) {
        return "/api/orgs/" + org + "/events/" + show;
    }

    private static String loaded(UUID show) {
        return TestEnv.REDIS_PREFIX + "seating:{evt:" + show + "}:loaded";
    }

    private Set<String> keysOf(UUID show) {
        return redis.keys(TestEnv.REDIS_PREFIX + "*{evt:" + show + "}*");
    }

    /** When every key of the show expires: one time for all of them, or the assertion fails. */
    private long expiresAt(UUID show) {
        Set<String> keys = keysOf(show);
        assertThat(keys).hasSizeGreaterThanOrEqualTo(4);
        long marker = redis.pexpireTime(loaded(show));
        assertThat(marker).as("the loaded marker expires").isPositive();
        keys.forEach(key -> assertThat(redis.pexpireTime(key)).as(key).isEqualTo(marker));
        return marker;
    }

    private void flushThisRunsKeys() {
        Set<String> keys = redis.keys(TestEnv.REDIS_PREFIX + "*");
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
    }
}
