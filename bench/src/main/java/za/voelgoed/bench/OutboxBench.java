package za.voelgoed.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.FieldType;
import za.voelgoed.shared.json.Json;

/**
 * Committed-and-dispatched domain events per second and commit → subscriber latency. Writers commit one
 * event per transaction, round-robin over the nodes, at a fixed rate; the subscriber sits on the last node,
 * so with two nodes half of the events are dispatched by the other node and cross Redis to reach it.
 * Latency runs from the moment {@code transact} returned (committed) to the subscriber's handler.
 */
final class OutboxBench {

    static final EventSchema TICK = EventSchema.builder("bench.tick.v1", "events", "tick")
            .required("event_id", FieldType.UUID).required("n", FieldType.INTEGER).build();

    private OutboxBench() {
    }

    static void run(Map<String, String> options) throws Exception {
        List<Integer> nodeCounts = options.containsKey("nodes") ? List.of(BenchMain.intOption(options, "nodes", 1))
                : List.of(1, 2);
        List<String> rows = new ArrayList<>();
        for (int nodes : nodeCounts) {
            rows.add(runOnce(nodes, options));
        }
        System.out.println();
        System.out.println("nodes | target/s | committed/s | delivered/s | p50 ms | p99 ms | max ms | missing | dup");
        rows.forEach(System.out::println);
    }

    private static String runOnce(int nodeCount, Map<String, String> options) throws Exception {
        int rate = BenchMain.intOption(options, "rate", 2000);
        int seconds = BenchMain.intOption(options, "seconds", 20);
        int warmup = BenchMain.intOption(options, "warmup", 5);
        int resources = BenchMain.intOption(options, "resources", 200);
        int writers = BenchMain.intOption(options, "writers", 16);
        System.out.println("=== outbox bench: " + nodeCount + " node(s), " + rate + "/s, " + seconds + " s ===");
        BenchEnv env = new BenchEnv();
        List<BackendNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(BackendNode.start(env.config("bench-" + (char) ('a' + i)), Extensions.none().withSchema(TICK)));
        }
        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        Map<UUID, Long> received = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        Subscription subscriber = nodes.get(nodeCount - 1).pubsub().subscribeAll(1_000_000, (topic, m) -> {
            if (received.putIfAbsent(m.id(), System.nanoTime()) != null) {
                duplicates.incrementAndGet();
            }
        });
        Load load = new Load(nodes, resources, rate, writers, warmup, seconds, committed);
        load.run();
        waitForDelivery(load.measured(), received, Duration.ofSeconds(30));
        String row = report(nodeCount, rate, load, committed, received, duplicates.get());
        subscriber.close();
        nodes.forEach(BackendNode::close);
        env.cleanRedis();
        return row;
    }

    private static void waitForDelivery(List<UUID> measured, Map<UUID, Long> received, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !received.keySet().containsAll(measured)) {
            Thread.sleep(100);
        }
    }

    private static String report(int nodes, int rate, Load load, Map<UUID, Long> committed, Map<UUID, Long> received,
                                 long duplicates) {
        List<UUID> measured = load.measured();
        long[] latencies = new long[measured.size()];
        int n = 0;
        long missing = 0;
        long lastReceive = 0;
        for (UUID id : measured) {
            Long got = received.get(id);
            if (got == null) {
                missing++;
                continue;
            }
            latencies[n++] = Math.max(0, got - committed.get(id));
            lastReceive = Math.max(lastReceive, got);
        }
        LatencyStats stats = LatencyStats.of(java.util.Arrays.copyOf(latencies, n));
        double seconds = load.measuredNanos() / 1e9;
        double committedRate = measured.size() / seconds;
        double deliveredRate = n / ((lastReceive - load.measureStartNanos()) / 1e9);
        System.out.println("latency " + stats.describe() + ", late sends " + load.late());
        System.out.println(String.format(Locale.ROOT, "RESULT {\"bench\":\"outbox\",\"nodes\":%d,\"rate\":%d,"
                        + "\"committed_per_s\":%.0f,\"delivered_per_s\":%.0f,%s,\"missing\":%d,\"duplicates\":%d}",
                nodes, rate, committedRate, deliveredRate, stats.json(), missing, duplicates));
        return String.format(Locale.ROOT, "%5d | %8d | %11.0f | %11.0f | %6.2f | %6.2f | %6.2f | %7d | %d", nodes, rate,
                committedRate, deliveredRate, stats.p50Ms(), stats.p99Ms(), stats.maxMs(), missing, duplicates);
    }

    /** The writers: one transaction per event, paced, spread over nodes and resources. */
    static final class Load {
        private final List<BackendNode> nodes;
        private final List<UUID> resources = new ArrayList<>();
        private final Pacer pacer;
        private final int writers;
        private final long warmupNanos;
        private final long measureNanos;
        private final Map<UUID, Long> committed;
        private final List<UUID> measured = java.util.Collections.synchronizedList(new ArrayList<>());
        private final UUID org = UUID.randomUUID();
        private long measureStart;

        Load(List<BackendNode> nodes, int resourceCount, int rate, int writers, int warmupSeconds, int seconds,
             Map<UUID, Long> committed) {
            this.nodes = nodes;
            for (int i = 0; i < resourceCount; i++) {
                resources.add(UUID.randomUUID());
            }
            this.pacer = new Pacer(rate);
            this.writers = writers;
            this.warmupNanos = Duration.ofSeconds(warmupSeconds).toNanos();
            this.measureNanos = Duration.ofSeconds(seconds).toNanos();
            this.committed = committed;
        }

        void run() throws InterruptedException {
            long start = System.nanoTime();
            measureStart = start + warmupNanos;
            long end = measureStart + measureNanos;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> write(end)));
            }
            for (Thread t : threads) {
                t.join();
            }
        }

        private void write(long end) {
            while (System.nanoTime() < end) {
                long ticket = pacer.await();
                BackendNode node = nodes.get((int) (ticket % nodes.size()));
                UUID resource = resources.get(ThreadLocalRandom.current().nextInt(resources.size()));
                long sentAt = System.nanoTime();
                var event = node.outbox().transact(Actor.system(), tx -> tx.emit("bench.tick.v1", org, resource,
                        Json.object().put("event_id", resource.toString()).put("n", ticket)));
                committed.put(event.eventId(), System.nanoTime());
                if (sentAt >= measureStart && sentAt < end) {
                    measured.add(event.eventId());
                }
            }
        }

        List<UUID> measured() {
            return List.copyOf(measured);
        }

        long measureStartNanos() {
            return measureStart;
        }

        long measuredNanos() {
            return measureNanos;
        }

        long late() {
            return pacer.late();
        }
    }
}
