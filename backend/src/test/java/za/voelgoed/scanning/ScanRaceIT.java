package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Invariant 5 under load: two nodes and 16 devices (half of them sending batches) scan the same tickets at once,
 * while this run's Redis keys are deleted twice (FLUSHALL for this run). Every ticket is admitted exactly once;
 * every other answer is {@code already_redeemed}; the answers, PostgreSQL's rows and events, and the nodes'
 * counters agree.
 */
class ScanRaceIT {

    private static final int TICKETS = 240;
    private static final int DEVICES = 16;

    private static Gate gate;
    private static UUID show;
    private static List<Gate.Sold> sold;
    private final AtomicInteger done = new AtomicInteger();

    @BeforeAll
    static void sell() {
        gate = new Gate(2);
        show = gate.show("Race");
        sold = gate.sell(show, "ga", TICKETS);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void everyTicketIsAdmittedOnceAcrossDevicesAndNodesThroughAFlush() throws Exception {
        List<Api> devices = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            Api device = gate.on(d, gate.deviceToken("Scanner " + d));
            devices.add(device);
            sessions.add(gate.session(device, show, "Gate " + (d % 4), ""));
        }
        Map<UUID, AtomicInteger> admitted = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
        List<Future<?>> running = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            int device = d;
            running.add(pool.submit(() -> {
                List<Gate.Sold> order = new ArrayList<>(sold);
                Collections.shuffle(order, new Random(device));
                start.await();
                // even devices scan one code at a time, odd ones send batches of 20 (a busy gate)
                int per = device % 2 == 0 ? 1 : 20;
                for (int from = 0; from < order.size(); from += per) {
                    List<Gate.Sold> chunk = order.subList(from, Math.min(order.size(), from + per));
                    List<String> answers = scan(devices.get(device), sessions.get(device), device, chunk);
                    for (int i = 0; i < chunk.size(); i++) {
                        String result = answers.get(i);
                        results.computeIfAbsent(result, r -> new AtomicInteger()).incrementAndGet();
                        if (result.equals("ok")) {
                            admitted.computeIfAbsent(chunk.get(i).id(), t -> new AtomicInteger()).incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // once early, while most tickets are still to be admitted, and once more later
        awaitScans(TICKETS / 2, deadline);
        Gate.deleteThisRunsKeys();
        java.time.Instant flushedInstant = java.time.Instant.now();
        int flushedAt = done.get();
        awaitScans(TICKETS * 2, deadline);
        Gate.deleteThisRunsKeys();
        long started = System.nanoTime();
        for (Future<?> f : running) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        pool.shutdown();
        System.out.printf("scan_race scans=%d flushed_after=%d rest_ms=%d%n", TICKETS * DEVICES, flushedAt,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        // answers arrive a journal group at a time (ADR 0026), up to every device's request at once: "early" is
        // within the first quarter of the scans
        assertThat(flushedAt).isLessThan(TICKETS * DEVICES / 4);
        assertThat(Db.count("select count(*) from admissions where admitted_at > ?::timestamptz",
                flushedInstant.toString())).as("admissions after the first flush").isGreaterThan(TICKETS / 4);
        assertThat(admitted).hasSize(TICKETS);
        assertThat(admitted.values()).allMatch(n -> n.get() == 1);
        int rejected = TICKETS * DEVICES - TICKETS;
        assertThat(Map.copyOf(results)).containsOnlyKeys("ok", "already_redeemed");
        assertThat(results.get("ok").get()).isEqualTo(TICKETS);
        assertThat(results.get("already_redeemed").get()).isEqualTo(rejected);
        assertThat(Db.count("select count(*) from admissions where event_id = ?::uuid", show.toString()))
                .isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from scans where result = 'ok'")).isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from scans where result = 'already_redeemed'")).isEqualTo(rejected);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.accepted.v1'"))
                .isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'ticket.redeemed.v1'"))
                .isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.rejected.v1'"))
                .isEqualTo(rejected);
        assertThat(counted("ok")).isEqualTo(TICKETS);
        assertThat(counted("already_redeemed")).isEqualTo(rejected);
        Set<UUID> admittedInDb = Set.copyOf(Db.rows("select ticket_id from admissions").stream()
                .map(r -> (UUID) r.get(0)).toList());
        assertThat(admittedInDb).isEqualTo(admitted.keySet());
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            assertThat(redis.client().hlen(redis.key("scanning:{evt:" + show + "}:admitted"))).isEqualTo(TICKETS);
        }
    }

    /** One scan, or a batch of several; the results in order. */
    private static List<String> scan(Api device, UUID session, int deviceNo, List<Gate.Sold> tickets) {
        String path = "/api/orgs/" + gate.org + "/scanning/scans";
        List<String> bodies = tickets.stream().map(t -> Gate.scan(t.code(), session, deviceNo + ":" + t.id())).toList();
        if (bodies.size() == 1) {
            return List.of(device.post(path, bodies.getFirst()).expect(200).path("result").asText());
        }
        return device.post(path + "/batch", "{\"scans\": [" + String.join(", ", bodies) + "]}").expect(200)
                .path("results").findValuesAsText("result");
    }

    private void awaitScans(int count, long deadline) throws InterruptedException {
        while (done.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /** The nodes' {@code voelgoed_scans_total} for this organisation and result, summed. */
    private static long counted(String result) {
        return Math.round(gate.metric("voelgoed_scans_total", "organization_id=\"" + gate.org + "\"",
                "result=\"" + result + "\""));
    }
}
