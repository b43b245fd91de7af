package za.voelgoed.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.shared.event.EventSchema;
import za.voelgoed.shared.event.FieldType;

/**
 * Scenario {@code outbox}: committed-and-dispatched domain events per second and commit → subscriber
 * latency, with one node and with two nodes in this JVM (one PostgreSQL, one Redis, both on 127.0.0.1).
 * <p>
 * {@link WriterLoad} commits one {@code bench.tick.v1} event per {@code outbox().transact}, round-robin over
 * the nodes, paced to a global rate (or unpaced, rate 0). A firehose subscription on the <em>last</em> node
 * ({@link Receiver}) takes every message; with two nodes, every event written through node A reaches it only
 * through node A's dispatcher and Redis. Latency is the subscriber's {@link System#nanoTime} at receipt minus
 * the writer's right after {@code transact} returned — one clock, one JVM. Only events whose transaction
 * started inside the measured window (after the warm-up) count; after the writers stop, the bench waits up
 * to {@link #DELIVERY_WAIT} for all of them. Each node count gets a freshly created {@code voelgoed_bench}
 * database and a Redis prefix of its own, whose keys are deleted at the end.
 */
final class OutboxBench {

    static final String TICK_TYPE = "bench.tick.v1";

    /** A bench-only event type: a tick on a {@code tick} resource, routed to the show named in event_id. */
    static final EventSchema TICK = EventSchema.builder(TICK_TYPE, "events", "tick")
            .required("event_id", FieldType.UUID).required("n", FieldType.INTEGER).build();

    static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

    private static final Map<String, String> NODE_SETTINGS = Map.of("VOELGOED_DB_POOL_SIZE", "16");

    /** The options of a run, checked. */
    record Settings(List<Integer> nodeCounts, int rate, int seconds, int warmup, int resources, int writers) {

        private static final Set<String> NAMES = Set.of("nodes", "rate", "seconds", "warmup", "resources", "writers");

        static Settings from(Map<String, String> options) {
            options.keySet().stream().filter(name -> !NAMES.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown option --" + name + " for outbox");
            });
            List<Integer> nodeCounts = List.of(1, 2);
            if (options.containsKey("nodes")) {
                int nodes = BenchMain.intOption(options, "nodes", 1);
                if (nodes != 1 && nodes != 2) {
                    throw new IllegalArgumentException("--nodes must be 1 or 2, got " + nodes);
                }
                nodeCounts = List.of(nodes);
            }
            return new Settings(nodeCounts, atLeast(options, "rate", 2000, 0), atLeast(options, "seconds", 20, 1),
                    atLeast(options, "warmup", 5, 0), atLeast(options, "resources", 200, 1),
                    atLeast(options, "writers", 16, 1));
        }

        private static int atLeast(Map<String, String> options, String name, int fallback, int minimum) {
            int value = BenchMain.intOption(options, name, fallback);
            if (value < minimum) {
                throw new IllegalArgumentException("--" + name + " must be " + minimum + " or more, got " + value);
            }
            return value;
        }
    }

    private OutboxBench() {
    }

    static void run(Settings settings, String commandLine) throws Exception {
        List<OutboxResult> results = new ArrayList<>();
        for (int nodes : settings.nodeCounts()) {
            results.add(runOnce(nodes, settings, commandLine));
        }
        OutboxResult.printTable(results);
    }

    private static OutboxResult runOnce(int nodeCount, Settings settings, String commandLine) throws Exception {
        System.out.println();
        System.out.println("--- outbox bench: starting " + nodeCount + " node(s) ---");
        BenchEnv env = new BenchEnv();
        List<BackendNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < nodeCount; i++) {
                String nodeId = "bench-" + (char) ('a' + i);
                nodes.add(BackendNode.start(env.config(nodeId, NODE_SETTINGS), Extensions.none().withSchema(TICK)));
            }
            Receiver receiver = new Receiver();
            try (Subscription ignored = nodes.getLast().pubsub().subscribeAll(1_000_000, receiver)) {
                WriterLoad load = new WriterLoad(nodes, settings);
                System.out.println("--- outbox bench: " + nodeCount + " node(s) up; " + settings.warmup()
                        + " s warm-up, " + settings.seconds() + " s measured ---");
                load.run();
                receiver.awaitAll(load.measured(), DELIVERY_WAIT);
                OutboxResult result = OutboxResult.of(nodeCount, settings, load, receiver);
                result.print(commandLine);
                return result;
            }
        } finally {
            nodes.reversed().forEach(BackendNode::close);
            env.cleanRedis();
        }
    }
}
