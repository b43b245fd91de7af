package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * Invariant 5 under group commit (ADR 0026): two nodes, 32 devices and 1,000 tickets, each scanned four times at
 * once. The devices form eight lanes of four (two on each node) that scan the same 125 tickets in the same order,
 * so every ticket is in flight on both nodes together; one device of each lane sends batches of five, and the
 * others resend one scan in ten at the same moment with the same nonce. This run's Redis keys are deleted in the
 * middle. Every ticket is admitted once; every other scan of it is {@code already_redeemed}; answers, rows, events,
 * the stats route and the nodes' counters agree; and the journals recorded several requests per transaction.
 */
class ScanGroupCommitIT {

    private static final int TICKETS = 1_000;
    private static final int DEVICES = 32;
    private static final int LANES = 8;
    private static final int SCANS = TICKETS * DEVICES / LANES;
    private static final int BATCH = 5;

    private static Gate gate;
    private static UUID show;
    private static List<Gate.Sold> sold;
    private final AtomicInteger done = new AtomicInteger();
    private final Map<UUID, AtomicInteger> admitted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
    private final List<String> resentDisagreements = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger resent = new AtomicInteger();

    @BeforeAll
    static void sell() throws Exception {
        gate = new Gate(2);
        show = gate.show("Group commit");
        ExecutorService sellers = Executors.newFixedThreadPool(4);
        List<Future<List<Gate.Sold>>> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(sellers.submit(() -> gate.sell(show, "ga", TICKETS / 4)));
        }
        sold = new ArrayList<>();
        for (Future<List<Gate.Sold>> part : parts) {
            sold.addAll(part.get());
        }
        sellers.shutdown();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void everyTicketIsAdmittedOnceWhileTheNodesRecordScansInGroups() throws Exception {
        List<Api> devices = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            Api device = gate.on(d / LANES, gate.deviceToken("Scanner " + d));
            devices.add(device);
            sessions.add(gate.session(device, show, "Gate " + (d % 4), ""));
        }
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
        ExecutorService resends = Executors.newCachedThreadPool();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            int device = d;
            List<Gate.Sold> lane = new ArrayList<>();
            for (int t = device % LANES; t < TICKETS; t += LANES) {
                lane.add(sold.get(t));
            }
            running.add(pool.submit(() -> {
                start.await();
                scanLane(devices.get(device), sessions.get(device), device, lane, resends);
                return null;
            }));
        }
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (done.get() < SCANS / 4 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Gate.deleteThisRunsKeys();
        Instant deletedAt = Instant.now();
        int deletedAfter = done.get();
        long started = System.nanoTime();
        for (Future<?> f : running) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        pool.shutdown();
        resends.shutdown();
        System.out.printf("scan_group_commit scans=%d resent=%d deleted_after=%d rest_ms=%d%n", SCANS, resent.get(),
                deletedAfter, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertThat(deletedAfter).isLessThan(SCANS / 2);
        assertThat(Db.count("select count(*) from admissions where admitted_at > ?::timestamptz",
                deletedAt.toString())).as("admissions after the keys were deleted").isGreaterThan(TICKETS / 4);
        assertOnceEach();
        assertRecordedOnceEach();
        assertGrouped();
    }

    /** The device's lane in order: singles (one in ten resent at once with its nonce), or batches of five. */
    private void scanLane(Api device, UUID session, int deviceNo, List<Gate.Sold> lane, ExecutorService resends) {
        String path = "/api/orgs/" + gate.org + "/scanning/scans";
        boolean batches = deviceNo / LANES == 3;
        int per = batches ? BATCH : 1;
        for (int from = 0; from < lane.size(); from += per) {
            List<Gate.Sold> chunk = lane.subList(from, Math.min(lane.size(), from + per));
            List<String> bodies = chunk.stream().map(t -> Gate.scan(t.code(), session, deviceNo + ":" + t.id()))
                    .toList();
            if (batches) {
                JsonNode answers = device.post(path + "/batch", "{\"scans\": [" + String.join(", ", bodies) + "]}")
                        .expect(200).path("results");
                for (int i = 0; i < chunk.size(); i++) {
                    tally(chunk.get(i), answers.get(i));
                }
            } else if (from % 10 == 0) {
                CompletableFuture<JsonNode> again = CompletableFuture.supplyAsync(
                        () -> device.post(path, bodies.getFirst()).expect(200), resends);
                JsonNode answer = device.post(path, bodies.getFirst()).expect(200);
                JsonNode other = again.join();
                resent.incrementAndGet();
                if (!sameAnswer(answer, other)) {
                    resentDisagreements.add(answer + " vs " + other);
                }
                tally(chunk.getFirst(), answer);
            } else {
                tally(chunk.getFirst(), device.post(path, bodies.getFirst()).expect(200));
            }
        }
    }

    private void tally(Gate.Sold ticket, JsonNode answer) {
        String result = answer.path("result").asText();
        results.computeIfAbsent(result, r -> new AtomicInteger()).incrementAndGet();
        if (result.equals("ok")) {
            admitted.computeIfAbsent(ticket.id(), t -> new AtomicInteger()).incrementAndGet();
        }
        done.incrementAndGet();
    }

    private static boolean sameAnswer(JsonNode a, JsonNode b) {
        return a.path("result").equals(b.path("result")) && a.path("ticket").path("id").equals(b.path("ticket")
                .path("id")) && a.path("first_admitted").path("device").equals(b.path("first_admitted").path("device"));
    }

    private void assertOnceEach() throws Exception {
        assertThat(resentDisagreements).as("a resent nonce gets the first answer").isEmpty();
        assertThat(admitted).hasSize(TICKETS);
        assertThat(admitted.values()).allMatch(n -> n.get() == 1);
        assertThat(Map.copyOf(results)).containsOnlyKeys("ok", "already_redeemed");
        assertThat(results.get("ok").get()).isEqualTo(TICKETS);
        assertThat(results.get("already_redeemed").get()).isEqualTo(SCANS - TICKETS);
        assertThat(Db.count("select count(*) from admissions where event_id = ?::uuid", show.toString()))
                .isEqualTo(TICKETS);
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            assertThat(redis.client().hlen(redis.key("scanning:{evt:" + show + "}:admitted"))).isEqualTo(TICKETS);
        }
    }

    /** Rows, events, the stats route and the nodes' counters: each scan once, a resent nonce not again. */
    private void assertRecordedOnceEach() {
        int rejected = SCANS - TICKETS;
        assertThat(Db.count("select count(*) from scans where result = 'ok'")).isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from scans where result = 'already_redeemed'")).isEqualTo(rejected);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.accepted.v1'"))
                .isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'ticket.redeemed.v1'"))
                .isEqualTo(TICKETS);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.rejected.v1'"))
                .isEqualTo(rejected);
        JsonNode stats = gate.staff.get("/api/orgs/" + gate.org + "/scanning/stats?event_id=" + show).expect(200);
        assertThat(stats.path("accepted").asLong()).isEqualTo(TICKETS);
        assertThat(stats.path("admitted").asLong()).isEqualTo(TICKETS);
        assertThat(stats.path("rejected").asLong()).isEqualTo(rejected);
        assertThat(counted("ok")).isEqualTo(TICKETS);
        assertThat(counted("already_redeemed")).isEqualTo(rejected);
    }

    /** More requests than transactions: some transaction recorded several requests. */
    private void assertGrouped() {
        double transactions = gate.metric("voelgoed_scan_group_requests_count");
        double requests = gate.metric("voelgoed_scan_group_requests_sum");
        double scans = gate.metric("voelgoed_scan_group_scans_sum");
        System.out.printf("scan_group_commit transactions=%.0f requests=%.0f scans=%.0f%n", transactions, requests,
                scans);
        assertThat(transactions).isPositive();
        assertThat(requests).isGreaterThan(transactions);
        assertThat(scans).isGreaterThanOrEqualTo(requests);
    }

    private static long counted(String result) {
        return Math.round(gate.metric("voelgoed_scans_total", "organization_id=\"" + gate.org + "\"",
                "result=\"" + result + "\""));
    }
}
