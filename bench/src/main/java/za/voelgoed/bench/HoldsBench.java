package za.voelgoed.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.shared.json.Json;

/**
 * A flash sale over HTTP against a backend process (with the payment simulator as a process of its own),
 * beside an empty endpoint ({@code GET /health/live}) hammered by the same clients in the same run as the
 * reference. The sale: a show of {@code --seats} reserved seats and a general-admission type of
 * {@code --ga} tickets, with far more demand than supply: each client loops hold requests (a third explicit
 * seats, a third best available, a third general admission, 1–4 each); a granted hold is checked out with
 * probability {@code --checkout-share} and otherwise kept (an abandoned cart, until it expires), so the
 * show sells out and later requests are refused, as in a real on-sale. Prints a per-second timeline, the
 * rate while inventory was left and overall, and ends with an oversell check in PostgreSQL.
 */
final class HoldsBench {

    private static final String ADMIN = BenchEnv.ADMIN_TOKEN;

    private HoldsBench() {
    }

    /** What one phase counted. */
    private record Phase(long requests, long granted, long refused, long errors, long checkouts, double seconds,
                         LatencyStats latency, long[] requestsPerSecond, long[] grantedPerSecond) {
        double perSecond(long count) {
            return count / seconds;
        }
    }

    static void run(Map<String, String> options, String commandLine) throws Exception {
        int seconds = BenchMain.intOption(options, "seconds", 15);
        int clients = BenchMain.intOption(options, "clients", 64);
        int seats = BenchMain.intOption(options, "seats", 2000);
        int ga = BenchMain.intOption(options, "ga", 20000);
        double checkoutShare = Double.parseDouble(options.getOrDefault("checkout-share", "0.1"));
        BenchEnv env = new BenchEnv();
        int simulatorPort = freePort();
        int port = freePort();
        Process simulator = start(List.of("-jar", "payment-simulator/target/payment-simulator.jar", "--port",
                Integer.toString(simulatorPort), "--parent-pid", Long.toString(ProcessHandle.current().pid())),
                Map.of(), "target/bench-simulator.log");
        Map<String, String> backendEnv = new java.util.HashMap<>(env.env("bench-holds"));
        backendEnv.put("VOELGOED_HTTP_PORT", Integer.toString(port));
        backendEnv.put("VOELGOED_PAYMENTS_URL", "http://127.0.0.1:" + simulatorPort);
        backendEnv.put("VOELGOED_DB_POOL_SIZE", "32");
        Process backend = start(List.of("-Xms1g", "-Xmx2g", "-XX:MaxGCPauseMillis=20", "-Dorg.jooq.no-logo=true", "-jar",
                "backend/target/backend.jar"), backendEnv, "target/bench-backend.log");
        try (BackendApi admin = BackendApi.await(port, ADMIN)) {
            UUID org = admin.createOrg("Holds bench");
            String base = "http://127.0.0.1:" + port;
            UUID event = createShow(base, org, seats, ga);
            int warmup = BenchMain.intOption(options, "warmup", 20);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java "
                    + Runtime.version() + "; args " + commandLine);
            String warmupHolds = base + "/api/orgs/" + org + "/events/" + createShow(base, org, seats, ga) + "/holds";
            if (warmup > 0) {
                // the same sale on a show of its own, unreported: the measured sale runs on compiled code, as a
                // node that has been up for a while would, and starts with a fresh show
                Phase warm = phase(clients, warmup, random -> holdAndMaybeBuy(base, org, warmupHolds, random, seats,
                        checkoutShare));
                System.out.println("warm-up done: " + warm.requests() + " hold requests in " + warmup + " s");
            }
            Phase reference = phase(clients, seconds, random -> get(base + "/health/live"));
            System.out.println("reference done: " + String.format(Locale.ROOT, "%.0f", reference.perSecond(reference.requests())) + " req/s");
            CpuUse.Mark mark = CpuUse.mark();
            String holds = base + "/api/orgs/" + org + "/events/" + event + "/holds";
            Phase sale = phase(clients, seconds, random -> holdAndMaybeBuy(base, org, holds, random, seats, checkoutShare));
            CpuUse cpu = CpuUse.since(mark);
            boolean oversold = oversold(event, seats, ga);
            print(reference, sale, cpu, oversold, clients, seconds);
        } finally {
            backend.destroy();
            simulator.destroy();
            backend.waitFor();
        }
    }

    /** One request's outcome: 1 granted, 0 refused, -1 error; plus checkouts done. */
    private record Outcome(int status, int checkouts) {
    }

    @FunctionalInterface
    private interface Step {
        Outcome run(SplittableRandom random) throws Exception;
    }

    private static Phase phase(int clients, int seconds, Step step) throws InterruptedException {
        long[] latencies = new long[8_000_000];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong granted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong checkouts = new AtomicLong();
        java.util.concurrent.atomic.AtomicLongArray perSecond = new java.util.concurrent.atomic.AtomicLongArray(seconds + 1);
        java.util.concurrent.atomic.AtomicLongArray grantedPerSecond = new java.util.concurrent.atomic.AtomicLongArray(seconds + 1);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c);
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int second = (int) Math.min(seconds, (t0 - start) / 1_000_000_000L);
                    try {
                        Outcome outcome = step.run(random);
                        (outcome.status() > 0 ? granted : outcome.status() == 0 ? refused : errors).incrementAndGet();
                        if (outcome.status() > 0) {
                            grantedPerSecond.incrementAndGet(second);
                        }
                        checkouts.addAndGet(outcome.checkouts());
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    perSecond.incrementAndGet(second);
                    int at = recorded.getAndIncrement();
                    if (at < latencies.length) {
                        latencies[at] = System.nanoTime() - t0;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        int n = Math.min(recorded.get(), latencies.length);
        long[] rps = new long[seconds];
        long[] gps = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            rps[i] = perSecond.get(i);
            gps[i] = grantedPerSecond.get(i);
        }
        return new Phase(recorded.get(), granted.get(), refused.get(), errors.get(), checkouts.get(), took,
                LatencyStats.of(java.util.Arrays.copyOf(latencies, n)), rps, gps);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Outcome get(String url) throws Exception {
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        return new Outcome(status == 200 ? 1 : -1, 0);
    }

    /**
     * One hold request, and for a granted hold perhaps its checkout. The checkout is not part of the hold's
     * latency but takes its client's time, as a buyer's would.
     */
    private static Outcome holdAndMaybeBuy(String base, UUID org, String holds, SplittableRandom random, int seats,
                                           double checkoutShare) throws Exception {
        int quantity = 1 + random.nextInt(4);
        String body = switch (random.nextInt(3)) {
            case 0 -> "{\"ticket_type\": \"ga\", \"quantity\": " + quantity + "}";
            case 1 -> "{\"best_available\": {\"quantity\": " + quantity + "}}";
            default -> "{\"seats\": [" + randomSeats(random, quantity, seats) + "]}";
        };
        HttpResponse<String> held = post(holds, body);
        if (held.statusCode() == 409) {
            return new Outcome(0, 0);
        }
        if (held.statusCode() != 201) {
            return new Outcome(-1, 0);
        }
        if (random.nextDouble() >= checkoutShare) {
            return new Outcome(1, 0);
        }
        String holdId = Json.tree(held.body()).path("id").asText();
        HttpResponse<String> order = post(base + "/api/orgs/" + org + "/orders", "{\"hold_id\": \"" + holdId
                + "\", \"customer\": {\"name\": \"Bench\", \"email\": \"bench@example.com\"}, \"payment\":"
                + " {\"card_number\": \"4242424242424242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}}");
        return new Outcome(1, order.statusCode() == 201 ? 1 : 0);
    }

    private static String randomSeats(SplittableRandom random, int quantity, int seats) {
        int rows = Math.max(1, seats / 100);
        int row = random.nextInt(rows);
        int first = 1 + random.nextInt(100 - quantity);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < quantity; i++) {
            ids.add("\"S:R" + row + ":" + (first + i) + "\"");
        }
        return String.join(", ", ids);
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(URI.create(url))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30));
    }

    private static UUID createShow(String base, UUID org, int seats, int ga) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < Math.max(1, seats / 100); r++) {
            rows.add("{\"label\": \"R" + r + "\", \"seats\": 100, \"category\": \"std\"}");
        }
        HttpResponse<String> created = post(base + "/api/orgs/" + org + "/events", "{\"name\": \"Bench sale\","
                + " \"starts_at\": \"2027-03-01T19:00:00+02:00\", \"seating\": {\"sections\": [{\"name\": \"S\", \"rows\": ["
                + String.join(", ", rows) + "]}], \"categories\": [{\"code\": \"std\", \"price_cents\": 25000}]},"
                + " \"ticket_types\": [{\"code\": \"ga\", \"name\": \"GA\", \"price_cents\": 10000, \"capacity\": " + ga + "}]}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the show answered " + created.statusCode() + ": " + created.body());
        }
        UUID event = UUID.fromString(Json.tree(created.body()).path("id").asText());
        post(base + "/api/orgs/" + org + "/events/" + event + "/publish", "{}");
        return event;
    }

    /** True when PostgreSQL shows more claimed than exists, or a ticket without exactly one payment. */
    private static boolean oversold(UUID event, int seats, int ga) throws Exception {
        try (Connection c = DriverManager.getConnection(BenchEnv.DB_URL, "postgres", "")) {
            long claimed = count(c, "select count(*) from seat_claims where event_id = '" + event + "'");
            long gaUsed = count(c, "select held + sold from ticket_types where event_id = '" + event + "'");
            long unpaid = count(c, "select count(*) from tickets t where t.event_id = '" + event + "' and (select count(*)"
                    + " from payments p where p.order_id = t.order_id) <> 1");
            long twice = count(c, "select count(*) from (select seat_index from tickets where event_id = '" + event
                    + "' and seat_index is not null and status = 'valid' group by seat_index having count(*) > 1) x");
            System.out.printf(Locale.ROOT, "check     seats claimed %d of %d, ga held+sold %d of %d, tickets without one"
                    + " payment %d, seats sold twice %d%n", claimed, seats, gaUsed, ga, unpaid, twice);
            return claimed > seats || gaUsed > ga || unpaid > 0 || twice > 0;
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(Phase reference, Phase sale, CpuUse cpu, boolean oversold, int clients, int seconds) {
        double refRate = reference.perSecond(reference.requests());
        double holdRate = sale.perSecond(sale.requests());
        System.out.printf(Locale.ROOT, "reference GET /health/live: %.0f req/s, p50 %.1f ms, p99 %.1f ms (%d clients, %d s)%n",
                refRate, reference.latency().p50Ms(), reference.latency().p99Ms(), clients, seconds);
        StringBuilder timeline = new StringBuilder("timeline  hold requests/granted per second:");
        int sellingSeconds = 0;
        long sellingRequests = 0;
        for (int i = 0; i < sale.requestsPerSecond().length; i++) {
            timeline.append(' ').append(sale.requestsPerSecond()[i]).append('/').append(sale.grantedPerSecond()[i]);
            if (sale.grantedPerSecond()[i] > 0) {
                sellingSeconds++;
                sellingRequests += sale.requestsPerSecond()[i];
            }
        }
        System.out.println(timeline);
        double sellingRate = sellingSeconds == 0 ? 0 : (double) sellingRequests / sellingSeconds;
        System.out.printf(Locale.ROOT, "holds     %.0f requests/s over the sale (granted %.0f/s, refused %.0f/s, errors %d);"
                        + " %.0f requests/s in the %d s with holds still granted; checkouts %.0f/s; hold request p50"
                        + " %.1f ms, p99 %.1f ms, max %.1f ms%n",
                holdRate, sale.perSecond(sale.granted()), sale.perSecond(sale.refused()), sale.errors(), sellingRate,
                sellingSeconds, sale.perSecond(sale.checkouts()), sale.latency().p50Ms(), sale.latency().p99Ms(),
                sale.latency().maxMs());
        System.out.println("cpu       " + cpu.describe());
        System.out.printf(Locale.ROOT, "ratio     hold requests/s ÷ empty endpoint req/s = %.2f%n", holdRate / refRate);
        System.out.println("goal      >= 5,000 holds/s over HTTP: " + (holdRate >= 5_000 ? "MET" : "MISSED")
                + "; >= half the empty endpoint: " + (holdRate >= refRate / 2 ? "MET" : "MISSED")
                + "; zero oversell: " + (oversold ? "FAILED" : "MET"));
        System.out.println("RESULT " + Json.write(Map.of("bench", "holds", "reference_rps", Math.round(refRate),
                "hold_rps", Math.round(holdRate), "hold_rps_while_selling", Math.round(sellingRate),
                "granted_rps", Math.round(sale.perSecond(sale.granted())),
                "checkouts_ps", Math.round(sale.perSecond(sale.checkouts())), "hold_p99_ms", sale.latency().p99Ms(),
                "errors", sale.errors(), "oversold", oversold)));
    }

    static Process start(List<String> args, Map<String, String> environment, String log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        new File("target").mkdirs();
        pb.redirectErrorStream(true).redirectOutput(new File(log));
        return pb.start();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
