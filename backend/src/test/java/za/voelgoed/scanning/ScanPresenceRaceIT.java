package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Entries and exits racing on the same few tickets (ADR 0024): two nodes, devices at gates of both directions
 * (half of them sending batches) scan random tickets in random directions at a show that allows re-entry, while
 * this run's Redis keys are deleted mid-run (FLUSHALL for this run) and the stats route is read all along. Every
 * accepted scan is a move PostgreSQL recorded, in order (entries and exits of a ticket alternate, starting with its
 * one admission), and the inside count is never negative and ends equal to PostgreSQL's.
 */
class ScanPresenceRaceIT {

    private static final int TICKETS = 30;
    private static final int DEVICES = 12;
    private static final int SCANS_PER_DEVICE = 120;

    private static Gate gate;
    private static UUID show;
    private static List<Gate.Sold> sold;
    private final AtomicInteger done = new AtomicInteger();

    @BeforeAll
    static void sell() {
        gate = new Gate(2);
        show = gate.show("Presence race");
        sold = gate.sell(show, "ga", TICKETS);
        gate.settings(show, true, null);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    /** One accepted scan's ticket and direction. */
    private record Accepted(UUID ticket, String direction) {
    }

    @Test
    void entriesAndExitsOfTheSameTicketsAlternateAndTheInsideCountMatchesPostgreSql() throws Exception {
        List<Api> devices = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            Api device = gate.on(d, gate.deviceToken("Door " + d));
            devices.add(device);
            sessions.add(gate.session(device, show, "Door " + (d % 3), "both", ""));
        }
        Map<Accepted, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
        AtomicLong lowestInside = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lowestExited = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES + 1);
        List<Future<?>> scanning = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            int device = d;
            scanning.add(pool.submit(() -> {
                Random random = new Random(device);
                start.await();
                int per = device % 2 == 0 ? 1 : 4;
                for (int from = 0; from < SCANS_PER_DEVICE; from += per) {
                    List<Accepted> chunk = new ArrayList<>();
                    for (int i = 0; i < per; i++) {
                        chunk.add(new Accepted(sold.get(random.nextInt(TICKETS)).id(),
                                random.nextBoolean() ? "entry" : "exit"));
                    }
                    List<String> answers = scan(devices.get(device), sessions.get(device), device + ":" + from, chunk);
                    for (int i = 0; i < chunk.size(); i++) {
                        results.computeIfAbsent(answers.get(i), r -> new AtomicInteger()).incrementAndGet();
                        if (answers.get(i).equals("ok")) {
                            accepted.computeIfAbsent(chunk.get(i), a -> new AtomicInteger()).incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Future<?> watching = pool.submit(() -> {
            while (running.get()) {
                JsonNode stats = stats();
                lowestInside.accumulateAndGet(stats.path("inside").asLong(), Math::min);
                lowestExited.accumulateAndGet(stats.path("exited").asLong(), Math::min);
                Thread.sleep(20);
            }
            return null;
        });
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        int total = DEVICES * SCANS_PER_DEVICE;
        while (done.get() < total / 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        flushThisRunsKeys();
        int flushedAt = done.get();
        for (Future<?> f : scanning) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        running.set(false);
        watching.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        System.out.printf("presence_race scans=%d flushed_after=%d results=%s%n", total, flushedAt, results);

        assertThat(flushedAt).isLessThan(total);
        assertThat(Map.copyOf(results)).containsOnlyKeys("ok", "already_redeemed", "not_inside");
        assertThat(results.get("ok").get()).as("exits and re-entries happened").isGreaterThan(2 * TICKETS);
        assertThat(lowestInside.get()).isGreaterThanOrEqualTo(0);
        assertThat(lowestExited.get()).isGreaterThanOrEqualTo(0);

        Map<UUID, Integer> moves = new HashMap<>();
        Db.rows("select ticket_id, moves from admissions where event_id = ?::uuid", show.toString())
                .forEach(r -> moves.put((UUID) r.get(0), (Integer) r.get(1)));
        long acceptedScans = 0;
        for (Gate.Sold ticket : sold) {
            int state = moves.getOrDefault(ticket.id(), 0);
            int entries = count(accepted, ticket.id(), "entry");
            int exits = count(accepted, ticket.id(), "exit");
            // accepted moves alternate from the one admission: entry, exit, entry, ...; never two entries in a row
            assertThat(entries).as("entries of " + ticket.id()).isEqualTo((state + 1) / 2);
            assertThat(exits).as("exits of " + ticket.id()).isEqualTo(state / 2);
            assertThat(Db.count("select count(*) from scans where ticket_id = ?::uuid and result = 'ok'",
                    ticket.id().toString())).isEqualTo(state);
            acceptedScans += state;
        }
        assertThat(Db.count("select count(*) from domain_events where event_type = 'ticket.redeemed.v1'"))
                .isEqualTo(moves.size());
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.accepted.v1'"))
                .isEqualTo(acceptedScans).isEqualTo(results.get("ok").get());

        long inside = moves.values().stream().filter(m -> m % 2 == 1).count();
        long exited = moves.values().stream().filter(m -> m % 2 == 0).count();
        JsonNode end = stats();
        assertThat(end.path("admitted").asLong()).isEqualTo(moves.size());
        assertThat(end.path("inside").asLong()).isEqualTo(inside);
        assertThat(end.path("exited").asLong()).isEqualTo(exited);
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            String prefix = redis.key("scanning:{evt:" + show + "}:");
            assertThat(redis.client().hlen(prefix + "admitted")).isEqualTo(moves.size());
            Map<String, String> states = redis.client().hgetAll(prefix + "presence");
            for (Map.Entry<UUID, Integer> m : moves.entrySet()) {
                assertThat(states.getOrDefault(m.getKey().toString(), "1")).as("Redis state of " + m.getKey())
                        .isEqualTo(m.getValue().toString());
            }
        }
    }

    private static int count(Map<Accepted, AtomicInteger> accepted, UUID ticket, String direction) {
        AtomicInteger n = accepted.get(new Accepted(ticket, direction));
        return n == null ? 0 : n.get();
    }

    private static JsonNode stats() {
        return gate.staff.get("/api/orgs/" + gate.org + "/scanning/stats?event_id=" + show).expect(200);
    }

    /** One scan, or a batch of several; the results in order. */
    private static List<String> scan(Api device, UUID session, String nonce, List<Accepted> scans) {
        String path = "/api/orgs/" + gate.org + "/scanning/scans";
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            Accepted s = scans.get(i);
            String code = sold.stream().filter(t -> t.id().equals(s.ticket())).findFirst().orElseThrow().code();
            bodies.add(Gate.scan(code, session, nonce + ":" + i, s.direction()));
        }
        if (bodies.size() == 1) {
            return List.of(device.post(path, bodies.getFirst()).expect(200).path("result").asText());
        }
        return device.post(path + "/batch", "{\"scans\": [" + String.join(", ", bodies) + "]}").expect(200)
                .path("results").findValuesAsText("result");
    }

    private static void flushThisRunsKeys() {
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            Set<String> keys = redis.client().keys(TestEnv.REDIS_PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.client().del(keys.toArray(String[]::new));
            }
        }
    }
}
