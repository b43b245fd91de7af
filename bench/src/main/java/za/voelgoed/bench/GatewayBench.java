package za.voelgoed.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.CommitNotifier;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.OutboxTelemetry;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.shared.client.RealtimeClient;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.realtime.ServerFrame;

/**
 * Commit → WebSocket client latency on one backend node run as its own process ({@code java -jar
 * backend.jar}). This JVM commits {@code event.published.v1} events straight into the outbox (as another
 * node would) at a fixed rate spread over the organisations, and holds the clients: each subscribes to its
 * organisation's {@code events:org} topic, so every event fans out to clients/orgs sockets. Latency runs
 * from the moment the commit was due (the open-loop writer's scheduled send time, so a writer that ran late
 * on a saturated machine does not hide its delay) to the frame decoded here (one clock); it includes the
 * commit itself. Stages add clients.
 */
final class GatewayBench {

    /** The backend's JVM options unless {@code --backend-jvm "…"} says otherwise: bin/run's, with a fixed heap. */
    private static final String DEFAULT_BACKEND_JVM = "-Xms1g -Xmx2g -XX:MaxGCPauseMillis=20";

    /**
     * Connections of the writer pool unless {@code --writer-connections}: commits in flight at once (2,000/s ×
     * up to 30 ms under load).
     */
    private static final int WRITERS = 64;

    private GatewayBench() {
    }

    static void run(Map<String, String> options) throws Exception {
        int orgs = BenchMain.intOption(options, "orgs", 10);
        int rate = BenchMain.intOption(options, "rate", 2000);
        int perCommit = Math.max(1, BenchMain.intOption(options, "events-per-commit", 1));
        int seconds = BenchMain.intOption(options, "seconds", 15);
        int warmup = BenchMain.intOption(options, "warmup", 45);
        List<Integer> stages = java.util.Arrays.stream(options.getOrDefault("clients", "500").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        BenchEnv env = new BenchEnv();
        int port = freePort();
        Process backend = startBackend(env, port, options.getOrDefault("backend-jar", "backend/target/backend.jar"),
                options.getOrDefault("backend-jvm", DEFAULT_BACKEND_JVM), backendSettings(options));
        List<String> rows = new ArrayList<>();
        try (BackendApi api = BackendApi.await(port, BenchEnv.ADMIN_TOKEN); Database db = Database.open(env.config("bench-writer",
                Map.of("VOELGOED_DB_POOL_SIZE", Integer.toString(
                        BenchMain.intOption(options, "writer-connections", WRITERS)))))) {
            List<UUID> orgIds = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < orgs; i++) {
                UUID org = api.createOrg("Bench org " + i);
                orgIds.add(org);
                tokens.add(api.createToken(org, "viewer"));
            }
            Outbox outbox = new Outbox(db.dsl(), EventTypeRegistry.standard(), new PiiScrubber(), new Quiet(),
                    Clock.systemUTC());
            CommitNotifier notifier = new CommitNotifier(db.dataSource(), () -> { }, "bench-writer");
            outbox.onCommit(events -> notifier.committed());
            Fleet fleet = new Fleet(port);
            for (int clients : stages) {
                fleet.grow(clients, orgIds, tokens);
                if (rows.isEmpty() && warmup > 0) {
                    warmUp(outbox, fleet, orgIds, new Load(rate / 2, perCommit), warmup, clients);
                }
                rows.add(stage(outbox, fleet, orgIds, new Load(rate, perCommit), seconds, clients));
            }
            fleet.close();
        } finally {
            backend.destroy();
            backend.waitFor();
            env.cleanRedis();
        }
        System.out.println();
        System.out.println("clients | events/s | deliveries/s | p50 ms | p99 ms | max ms | missing | cut off");
        rows.forEach(System.out::println);
    }

    /**
     * Events per second, committed {@code perCommit} to a transaction: 1 is the hardest case (every event
     * its own commit); a node's hold journal commits up to 256 holds' events together.
     */
    record Load(int rate, int perCommit) {
    }

    private static String stage(Outbox outbox, Fleet fleet, List<UUID> orgs, Load load, int seconds, int clients)
            throws InterruptedException {
        int rate = load.rate();
        System.out.println("=== gateway bench: " + clients + " clients, " + rate + " events/s, " + load.perCommit()
                + " per commit, " + seconds + " s ===");
        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        fleet.reset();
        Pacer pacer = commit(outbox, orgs, load, seconds, committed);
        long expected = committed.size() * (long) (clients / orgs.size());
        fleet.awaitDeliveries(expected, Duration.ofSeconds(20));
        long[] latencies = fleet.latencies(committed);
        fleet.dump(committed, clients);
        LatencyStats stats = LatencyStats.of(latencies);
        double deliveriesPerSecond = latencies.length / (double) seconds;
        System.out.println("latency " + stats.describe() + ", late sends " + pacer.late());
        System.out.println(String.format(Locale.ROOT, "RESULT {\"bench\":\"gateway\",\"clients\":%d,\"rate\":%d,"
                        + "\"committed\":%d,\"deliveries\":%d,%s,\"missing\":%d,\"closed_clients\":%d}", clients, rate,
                committed.size(), latencies.length, stats.json(), expected - latencies.length, fleet.closed()));
        return String.format(Locale.ROOT, "%7d | %8.0f | %12.0f | %6.2f | %6.2f | %6.2f | %7d | %d", clients,
                committed.size() / (double) seconds, deliveriesPerSecond, stats.p50Ms(), stats.p99Ms(), stats.maxMs(),
                expected - latencies.length, fleet.closed());
    }

    /**
     * Both JVMs compile their hot paths in the first seconds; measured cold, a stage mostly shows the JIT
     * (and clients cut off while it runs). Half the rate warms them up first, unmeasured (on two busy cores C2 needs a minute).
     */
    private static void warmUp(Outbox outbox, Fleet fleet, List<UUID> orgs, Load load, int seconds, int clients)
            throws InterruptedException {
        System.out.println("=== warm-up: " + load.rate() + " events/s for " + seconds + " s (not measured) ===");
        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        fleet.reset();
        commit(outbox, orgs, load, seconds, committed);
        fleet.awaitDeliveries(committed.size() * (long) (clients / orgs.size()), Duration.ofSeconds(20));
    }

    /**
     * Commits events at the load's rate for {@code seconds}, recording when each commit was due (its slot's
     * scheduled time: no coordinated omission). Open loop: every
     * slot starts its own virtual thread, so a slow commit delays only itself and the rate holds while the
     * writer pool ({@link #WRITERS} connections) has room. A fixed set of writers fell behind as soon as
     * commits slowed under load, and then measured less than the rate asked for.
     */
    private static Pacer commit(Outbox outbox, List<UUID> orgs, Load load, int seconds, Map<UUID, Long> committed)
            throws InterruptedException {
        Pacer pacer = new Pacer(Math.max(1, load.rate() / load.perCommit()));
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        java.util.concurrent.Phaser inFlight = new java.util.concurrent.Phaser(1);
        while (System.nanoTime() < end) {
            long ticket = pacer.await();
            UUID org = orgs.get((int) (ticket % orgs.size()));
            inFlight.register();
            Thread.ofVirtual().start(() -> {
                try {
                    List<DomainEvent> events = outbox.transact(Actor.system(), tx -> {
                        List<DomainEvent> emitted = new ArrayList<>(load.perCommit());
                        for (int i = 0; i < load.perCommit(); i++) {
                            emitted.add(tx.emit(EventTypes.EVENT_PUBLISHED_V1, org, UUID.randomUUID(), published()));
                        }
                        return emitted;
                    });
                    // latency counts from when this commit was due, not from when its thread ran again: on a
                    // saturated machine the writer itself runs late, and that delay is part of what a client sees
                    long due = pacer.dueNanos(ticket);
                    events.forEach(e -> committed.put(e.eventId(), due));
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        }
        inFlight.arriveAndAwaitAdvance();
        return pacer;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode published() {
        String now = Instant.now().toString();
        return Json.object().put("event_id", UUID.randomUUID().toString()).put("name", "Bench show")
                .put("starts_at", now).put("published_at", now);
    }

    /**
     * Node settings to try: {@code --linger ms} ({@code VOELGOED_PUBSUB_LINGER_MS}) and {@code --env
     * NAME=value,NAME=value} for any other variable.
     */
    private static Map<String, String> backendSettings(Map<String, String> options) {
        Map<String, String> settings = new java.util.HashMap<>();
        if (options.containsKey("linger")) {
            settings.put("VOELGOED_PUBSUB_LINGER_MS", options.get("linger"));
        }
        for (String pair : options.getOrDefault("env", "").split(",")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                settings.put(pair.substring(0, at).trim(), pair.substring(at + 1).trim());
            }
        }
        return settings;
    }

    private static Process startBackend(BenchEnv env, int port, String jar, String jvmOptions,
                                        Map<String, String> settings) throws Exception {
        if (!new File(jar).isFile()) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-Dorg.jooq.no-logo=true", "-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env.env("bench-gateway"));
        pb.environment().put("VOELGOED_HTTP_PORT", Integer.toString(port));
        pb.environment().putAll(settings);
        pb.redirectErrorStream(true).redirectOutput(new File("target/bench-backend.log"));
        new File("target").mkdirs();
        return pb.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The clients of the benchmark, spread over a few HTTP clients (one selector thread each, about one per
     * core). Frames are handled on the selector thread itself (a direct executor): the listener only reads
     * an id, and handing each frame to a pool thread cost this JVM more than the reading.
     */
    static final class Fleet {
        private static final int HTTP_CLIENTS = 4;
        private final int port;
        private final List<HttpClient> http = new ArrayList<>();
        private final List<RealtimeClient> sockets = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong deliveries = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

        record Sample(UUID id, long nanos) {
        }

        Fleet(int port) {
            this.port = port;
            for (int i = 0; i < HTTP_CLIENTS; i++) {
                http.add(HttpClient.newBuilder().executor(Runnable::run).build());
            }
        }

        void grow(int target, List<UUID> orgs, List<String> tokens) {
            while (sockets.size() < target) {
                int i = sockets.size();
                int org = i % orgs.size();
                RealtimeClient client = RealtimeClient.connect(http.get(i % http.size()),
                        URI.create("ws://127.0.0.1:" + port + "/ws"), tokens.get(org), new RealtimeClient.Listener() {
                            /** Reads only the message id: full decoding of every frame would load this JVM more
                             * than the server, on the same two cores. */
                            @Override
                            public void onText(String text) {
                                int at = text.indexOf(",\"id\":\"");
                                if (text.startsWith("{\"type\":\"event\"") && at > 0) {
                                    samples.add(new Sample(UUID.fromString(text.substring(at + 7, at + 43)),
                                            System.nanoTime()));
                                    deliveries.incrementAndGet();
                                }
                            }

                            @Override
                            public void onFrame(ServerFrame frame) {
                            }

                            @Override
                            public void onClose(int code, String reason) {
                                closed.incrementAndGet();
                            }
                        });
                client.subscribe("events:org:" + orgs.get(org), "s");
                sockets.add(client);
            }
            System.out.println("connected clients: " + sockets.size());
        }

        void reset() {
            samples.clear();
            deliveries.set(0);
        }

        /** Waits until {@code expected} frames have arrived since the last reset, or {@code limit} passed. */
        void awaitDeliveries(long expected, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (deliveries.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        int closed() {
            return closed.get();
        }

        long[] latencies(Map<UUID, Long> committed) {
            List<Sample> all = new ArrayList<>(samples);
            long[] out = new long[all.size()];
            int n = 0;
            for (Sample s : all) {
                Long at = committed.get(s.id());
                if (at != null) {
                    out[n++] = s.nanos() - at;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }

        private int dumps;

        /**
         * With BENCH_DUMP set: every sample of the stage as "due nanos,latency nanos" in
         * {@code gateway-<stage>-<clients>.csv}, for looking at the tail over time.
         */
        void dump(Map<UUID, Long> committed, int clients) {
            String dir = System.getenv("BENCH_DUMP");
            if (dir == null) {
                return;
            }
            try (var out = new java.io.PrintWriter(dir + "/gateway-" + (++dumps) + "-" + clients + ".csv")) {
                for (Sample s : samples) {
                    Long at = committed.get(s.id());
                    if (at != null) {
                        out.println(at + "," + (s.nanos() - at));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void close() {
            sockets.forEach(RealtimeClient::close);
        }
    }

    /** The writer side needs no telemetry. */
    static final class Quiet implements OutboxTelemetry {
        @Override
        public void emitted(DomainEvent event, String domain) {
        }

        @Override
        public void handled(String consumer, DomainEvent event, String domain, long nanos, boolean ok) {
        }

        @Override
        public void published(DomainEvent event, String domain, Duration commitToPublish) {
        }

        @Override
        public void consumerBlocked(String consumer, String eventType, boolean parked) {
        }

        @Override
        public void backlog(long pendingEvents, Map<String, Integer> blocksByState) {
        }
    }
}
