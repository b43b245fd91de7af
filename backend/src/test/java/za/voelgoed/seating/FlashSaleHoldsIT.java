package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * 200 buyers race over HTTP, through two backend nodes, for 100 reserved seats and 300 general-admission
 * tickets, and Redis is flushed in the middle. No seat is in two holds, held never exceeds capacity at any
 * sample, and at the end Redis and PostgreSQL agree.
 */
class FlashSaleHoldsIT {

    static final int BUYERS = 200;
    static final int ATTEMPTS_PER_BUYER = 6;

    static BackendNode nodeA;
    static BackendNode nodeB;
    static UUID org;
    static String token;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        nodeA = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "sale-a", "VOELGOED_JOBS_ENABLED", "false")));
        nodeB = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "sale-b", "VOELGOED_JOBS_ENABLED", "false")));
        Api admin = new Api(nodeA.port(), nodeA.adminToken());
        org = admin.createOrg("Flash");
        token = admin.createToken(org, "staff");
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void noSeatIsHeldTwiceAndHeldNeverExceedsCapacityEvenWhenRedisIsFlushedMidSale() throws Exception {
        Api staffA = new Api(nodeA.port(), token);
        UUID event = UUID.fromString(staffA.post("/api/orgs/" + org + "/events", """
                {"name": "Flash", "starts_at": "2027-03-01T19:00:00+02:00",
                 "seating": {"sections": [{"name": "S", "rows": [
                    {"label": "A", "seats": 20, "category": "std"}, {"label": "B", "seats": 20, "category": "std"},
                    {"label": "C", "seats": 20, "category": "std"}, {"label": "D", "seats": 20, "category": "std"},
                    {"label": "E", "seats": 20, "category": "std"}]}],
                  "categories": [{"code": "std", "price_cents": 10000}]},
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 5000, "capacity": 300}]}""")
                .json().path("id").asText());
        String base = "/api/orgs/" + org + "/events/" + event;
        staffA.post(base + "/publish", "{}");

        ConcurrentLinkedQueue<JsonNode> held = new ConcurrentLinkedQueue<>();
        List<String> violations = new ArrayList<>();
        AtomicBoolean selling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> sample(event, selling, violations));
        CountDownLatch halfway = new CountDownLatch(BUYERS * ATTEMPTS_PER_BUYER / 2);
        ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
        for (int b = 0; b < BUYERS; b++) {
            int buyer = b;
            buyers.submit(() -> buy(buyer, base, held, halfway));
        }
        halfway.await(120, TimeUnit.SECONDS);
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:6379")) {
            redis.flushAll();
        }
        buyers.shutdown();
        assertThat(buyers.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        selling.set(false);
        sampler.join();

        assertThat(violations).isEmpty();
        Set<String> seats = new HashSet<>();
        int gaHeld = 0;
        for (JsonNode hold : held) {
            hold.path("seats").forEach(s -> assertThat(seats.add(s.asText())).as("seat %s in two holds", s).isTrue());
            gaHeld += hold.has("ticket_type") ? hold.path("quantity").asInt() : 0;
        }
        assertThat(seats.size()).isLessThanOrEqualTo(100).isEqualTo((int) Db.count(
                "select count(*) from seat_claims where event_id = ?", event));
        assertThat(gaHeld).isLessThanOrEqualTo(300).isEqualTo((int) Db.count(
                "select held from ticket_types where event_id = ?", event));
        assertThat(held.size()).isEqualTo((int) Db.count("select count(*) from holds where event_id = ?", event));
        // the sale was contested: both kinds sold out or nearly
        assertThat(seats.size()).isGreaterThan(80);
        assertThat(gaHeld).isGreaterThan(250);
        JsonNode drift = staffA.post(base + "/inventory/drift", "{}").json();
        assertThat(drift.path("seats").asInt() + drift.path("tickets").asInt()).isZero();
    }

    private static void buy(int buyer, String base, ConcurrentLinkedQueue<JsonNode> held, CountDownLatch halfway) {
        Api api = new Api((buyer % 2 == 0 ? nodeA : nodeB).port(), token);
        Random random = new Random(buyer);
        for (int i = 0; i < ATTEMPTS_PER_BUYER; i++) {
            String body = switch (random.nextInt(3)) {
                case 0 -> "{\"ticket_type\": \"ga\", \"quantity\": " + (1 + random.nextInt(4)) + "}";
                case 1 -> "{\"best_available\": {\"quantity\": " + (1 + random.nextInt(4)) + "}}";
                default -> "{\"seats\": [\"S:" + (char) ('A' + random.nextInt(5)) + ":" + (1 + random.nextInt(19))
                        + "\", \"S:" + (char) ('A' + random.nextInt(5)) + ":20\"]}";
            };
            Api.Response response = api.post(base + "/holds", body);
            if (response.status() == 201) {
                held.add(response.json());
            } else if (response.status() != 409) {
                throw new AssertionError("unexpected " + response.status() + " " + response.body());
            }
            halfway.countDown();
        }
    }

    private static void sample(UUID event, AtomicBoolean selling, List<String> violations) {
        while (selling.get()) {
            long claimed = Db.count("select count(*) from seat_claims where event_id = ?", event);
            long gaHeld = Db.count("select held + sold from ticket_types where event_id = ?", event);
            if (claimed > 100 || gaHeld > 300) {
                violations.add("claimed=" + claimed + " ga=" + gaHeld);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
