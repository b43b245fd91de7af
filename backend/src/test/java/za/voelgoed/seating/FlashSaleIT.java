package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * tickets — holding, then most of them checking out against the payment simulator — and Redis is flushed
 * in the middle. No seat is in two holds or orders, held + sold never exceeds capacity at any sample (in
 * PostgreSQL and in Redis), every sold ticket has one order with one authorised payment, and at the end
 * Redis and PostgreSQL agree.
 */
class FlashSaleIT {

    static final int BUYERS = 200;
    static final int ATTEMPTS_PER_BUYER = 6;

    static za.voelgoed.testing.PaymentSimulatorProcess simulator;
    /** A Redis of this test's own: it is flushed mid-sale, which must not touch anyone else's keys. */
    static za.voelgoed.testing.RedisProcess redisServer;
    static BackendNode nodeA;
    static BackendNode nodeB;
    static UUID org;
    static String token;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        simulator = za.voelgoed.testing.PaymentSimulatorProcess.start();
        redisServer = za.voelgoed.testing.RedisProcess.start();
        nodeA = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "sale-a", "VOELGOED_JOBS_ENABLED", "false",
                "VOELGOED_PAYMENTS_URL", simulator.url(), "VOELGOED_DB_POOL_SIZE", "16",
                "VOELGOED_INVENTORY_DRIFT_INTERVAL_MS", "1000", "VOELGOED_REDIS_URL", redisServer.url(),
                "VOELGOED_STALL_DUMP_AFTER_MS", "3000", "VOELGOED_STALL_DUMP_DIR", "target/stall-dumps")));
        nodeB = BackendNode.start(TestEnv.config(Map.of("VOELGOED_NODE_ID", "sale-b", "VOELGOED_JOBS_ENABLED", "false",
                "VOELGOED_PAYMENTS_URL", simulator.url(), "VOELGOED_DB_POOL_SIZE", "16",
                "VOELGOED_INVENTORY_DRIFT_INTERVAL_MS", "1000", "VOELGOED_REDIS_URL", redisServer.url(),
                "VOELGOED_STALL_DUMP_AFTER_MS", "3000", "VOELGOED_STALL_DUMP_DIR", "target/stall-dumps")));
        Api admin = new Api(nodeA.port(), nodeA.adminToken());
        org = admin.createOrg("Flash");
        token = admin.createToken(org, "staff");
    }

    /**
     * A failed sale leaves the stall dumps its nodes wrote in target/stall-dumps; CI keeps only this test's
     * output, so say where every stuck thread was, grouped by the first frame of ours.
     */
    static void reportStalls() {
        java.nio.file.Path dir = java.nio.file.Path.of("target/stall-dumps");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try (var dumps = java.nio.file.Files.list(dir)) {
            dumps.forEach(FlashSaleIT::summarise);
        } catch (java.io.IOException e) {
            System.out.println("stall dumps unreadable: " + e.getMessage());
        }
    }

    private static void summarise(java.nio.file.Path dump) {
        try {
            java.util.Map<String, Integer> where = new java.util.TreeMap<>();
            for (String thread : java.nio.file.Files.readString(dump).split("\n\n")) {
                thread.lines().filter(l -> l.contains("at za.voelgoed") || l.contains("at com.zaxxer")
                        || l.contains("at redis.clients")).findFirst().ifPresent(l -> where.merge(l.strip(), 1, Integer::sum));
            }
            System.out.println("stall dump " + dump.getFileName() + ": threads by first frame of ours " + where);
        } catch (java.io.IOException e) {
            System.out.println("stall dump unreadable: " + dump);
        }
    }

    @AfterAll
    static void stop() {
        reportStalls();
        nodeA.close();
        nodeB.close();
        simulator.close();
        redisServer.close();
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
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean selling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> sample(event, selling, violations));
        Thread redisSampler = Thread.ofPlatform().start(() -> sampleRedis(event, selling, violations));
        CountDownLatch halfway = new CountDownLatch(BUYERS * ATTEMPTS_PER_BUYER / 2);
        ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
        for (int b = 0; b < BUYERS; b++) {
            int buyer = b;
            buyers.submit(() -> {
                try {
                    buy(buyer, base, held, halfway);
                } catch (Throwable e) {
                    violations.add("buyer " + buyer + ": " + e.getMessage());
                    halfway.countDown();
                }
            });
        }
        halfway.await(120, TimeUnit.SECONDS);
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:" + redisServer.port())) {
            redis.flushAll();
        }
        buyers.shutdown();
        assertThat(buyers.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
        selling.set(false);
        sampler.join();
        redisSampler.join();

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
                "select held + sold from ticket_types where event_id = ?", event));
        assertThat(held.size()).isEqualTo((int) Db.count("select count(*) from holds where event_id = ?", event));
        long sold = Db.count("select count(*) from tickets where event_id = ? and status = 'valid'", event);
        assertThat(sold).isGreaterThan(100);
        assertThat(sold).isEqualTo(Db.count("select count(*) from seat_claims where event_id = ? and state = 'sold'", event)
                + Db.count("select sold from ticket_types where event_id = ?", event));
        assertThat(Db.count("select count(*) from tickets t where t.event_id = ? and (select count(*) from payments p"
                + " where p.order_id = t.order_id and p.status in ('authorized', 'captured')) <> 1", event)).isZero();
        assertThat(Db.count("select count(*) from (select seat_index from tickets where event_id = ? and seat_index"
                + " is not null group by seat_index having count(*) > 1) twice", event)).isZero();
        // the sale was contested: both kinds sold out or nearly
        assertThat(seats.size()).isGreaterThan(80);
        assertThat(gaHeld).isGreaterThan(250);
        // once the sale is quiet Redis agrees with PostgreSQL by itself (read here; a difference that outlived
        // a race is repaired by the nodes' periodic drift check, not by this test)
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> redisAgrees(event));
        JsonNode drift = staffA.post(base + "/inventory/drift", "{}").json();
        assertThat(drift.path("seats").asInt() + drift.path("tickets").asInt()).isZero();
    }

    /** Redis's taken seats, GA counters and sold counter, each equal to PostgreSQL's. */
    private static boolean redisAgrees(UUID event) {
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:" + redisServer.port())) {
            String tag = TestEnv.REDIS_PREFIX + "%s:{evt:" + event + "}:";
            Map<String, String> ga = redis.hgetAll(tag.formatted("ticketing") + "ga");
            String sold = redis.get(tag.formatted("ticketing") + "sold");
            long seats = redis.bitcount(tag.formatted("seating") + "taken");
            return seats == Db.count("select count(*) from seat_claims where event_id = ?", event)
                    && Long.parseLong(ga.getOrDefault("ga:held", "-1")) == Db.count(
                            "select held from ticket_types where event_id = ?", event)
                    && Long.parseLong(ga.getOrDefault("ga:sold", "-1")) == Db.count(
                            "select sold from ticket_types where event_id = ?", event)
                    && sold != null && Long.parseLong(sold) == Db.count("select count(*) from tickets where event_id = ?"
                            + " and status = 'valid'", event);
        }
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
                if (random.nextInt(10) < 7) {
                    checkout(api, response.json().path("id").asText());
                }
            } else if (response.status() != 409) {
                throw new AssertionError("unexpected " + response.status() + " " + response.body());
            }
            halfway.countDown();
        }
    }

    private static void checkout(Api api, String holdId) {
        Api.Response order = api.post("/api/orgs/" + org + "/orders", "{\"hold_id\": \"" + holdId + "\","
                + " \"customer\": {\"name\": \"Buyer\", \"email\": \"buyer@example.com\"}, \"payment\":"
                + " {\"card_number\": \"4242424242424242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}}");
        if (order.status() != 201 && order.status() != 409) {
            throw new AssertionError("checkout answered " + order.status() + " " + order.body());
        }
    }

    /** Redis's own counters, read directly: held + sold within capacity whenever they are there. */
    private static void sampleRedis(UUID event, AtomicBoolean selling, List<String> violations) {
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:" + redisServer.port())) {
            String ga = TestEnv.REDIS_PREFIX + "ticketing:{evt:" + event + "}:ga";
            String taken = TestEnv.REDIS_PREFIX + "seating:{evt:" + event + "}:taken";
            while (selling.get()) {
                Map<String, String> counts = redis.hgetAll(ga);
                long gaUsed = Long.parseLong(counts.getOrDefault("ga:held", "0"))
                        + Long.parseLong(counts.getOrDefault("ga:sold", "0"));
                long seats = redis.bitcount(taken);
                if (gaUsed > 300 || seats > 100) {
                    violations.add("redis ga=" + gaUsed + " seats=" + seats);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
