package za.voelgoed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.shared.json.Json;

/**
 * Scans over HTTP against a backend process, beside the empty endpoint in the same run with the same clients:
 * (a) {@code GET /health/live} for {@code --seconds}, (b) single scans ({@code POST /scanning/scans}), (c) batched
 * scans ({@code POST /scanning/scans/batch}, {@code --batch} a request). The tickets are bought through the public
 * API first (holds of 20 checked out with the payment simulator, by 8 buyers at once); each scan stage scans its
 * own half, first scans mixed with re-scans ({@code --rescan-share}), and only re-scans once its half is used up.
 * Goals: single ≥ 0.6× the empty endpoint, batch ≥ 5× single, and no ticket admitted twice (the ok answers are
 * unique and are exactly PostgreSQL's admissions of the show).
 */
final class ScansBench {

    private static final String ADMIN = BenchEnv.ADMIN_TOKEN;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int DEVICES = 8;
    private static final AtomicLong NONCES = new AtomicLong();

    private ScansBench() {
    }

    /** The organisation and show scanned, with the device sessions the clients take turns on. */
    private record Gate(String base, UUID org, UUID show, List<String> tokens, List<UUID> sessions) {
        String scans() {
            return base + "/api/orgs/" + org + "/scanning/scans";
        }
    }

    /** The options of a run, checked before anything starts. */
    record Settings(int clients, int seconds, int warmup, int tickets, int batch, double rescanShare) {

        static Settings from(Map<String, String> options) {
            Settings s = new Settings(BenchMain.intOption(options, "clients", 32),
                    BenchMain.intOption(options, "seconds", 10), BenchMain.intOption(options, "warmup", 6),
                    BenchMain.intOption(options, "tickets", 10_000), BenchMain.intOption(options, "batch", 100),
                    Double.parseDouble(options.getOrDefault("rescan-share", "0.2")));
            if (s.clients < 1 || s.seconds < 1 || s.warmup < 0 || s.tickets < 2 || s.batch < 1 || s.batch > 1000
                    || s.rescanShare < 0 || s.rescanShare > 1) {
                throw new IllegalArgumentException("scans needs --clients ≥ 1, --seconds ≥ 1, --warmup ≥ 0,"
                        + " --tickets ≥ 2, --batch 1..1000, --rescan-share 0..1");
            }
            return s;
        }
    }

    static void run(Settings settings, String commandLine) throws Exception {
        int clients = settings.clients();
        int seconds = settings.seconds();
        int warmup = settings.warmup();
        int tickets = settings.tickets();
        int batch = settings.batch();
        double rescanShare = settings.rescanShare();
        BenchEnv env = new BenchEnv();
        int simulatorPort = HoldsBench.freePort();
        int port = HoldsBench.freePort();
        Process simulator = HoldsBench.start(List.of("-jar", "payment-simulator/target/payment-simulator.jar",
                "--port", Integer.toString(simulatorPort), "--parent-pid", Long.toString(ProcessHandle.current().pid())),
                Map.of(), "target/bench-simulator.log");
        Map<String, String> backendEnv = new java.util.HashMap<>(env.env("bench-scans"));
        backendEnv.put("VOELGOED_HTTP_PORT", Integer.toString(port));
        backendEnv.put("VOELGOED_PAYMENTS_URL", "http://127.0.0.1:" + simulatorPort);
        backendEnv.put("VOELGOED_DB_POOL_SIZE", "32");
        Process backend = HoldsBench.start(List.of("-Xms1g", "-Xmx2g", "-XX:MaxGCPauseMillis=20",
                "-Dorg.jooq.no-logo=true", "-jar", "backend/target/backend.jar"), backendEnv, "target/bench-backend.log");
        try (BackendApi admin = BackendApi.await(port, ADMIN)) {
            String base = "http://127.0.0.1:" + port;
            UUID org = admin.createOrg("Scans bench");
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java "
                    + Runtime.version() + "; args " + commandLine);
            long t0 = System.nanoTime();
            Gate gate = gate(base, org, tickets, clients);
            List<String> codes = buy(gate, tickets);
            Gate warm = gate(base, org, 400, clients);
            List<String> warmCodes = buy(warm, 400);
            System.out.printf(Locale.ROOT, "setup     %d + 400 tickets bought over HTTP in %.1f s (holds of 20, 8"
                    + " buyers)%n", codes.size(), (System.nanoTime() - t0) / 1e9);
            if (warmup > 0) {
                int third = Math.max(1, warmup / 3);
                ScanStage.Results ignored = new ScanStage.Results(new ConcurrentHashMap<>());
                ScanSupply warmSupply = new ScanSupply(warmCodes, rescanShare);
                ScanStage.run(clients, third, ignored, (random, r) -> health(base));
                ScanStage.run(clients, third, ignored, (random, r) -> single(warm, warmSupply, random, r));
                ScanStage.run(clients, third, ignored, (random, r) -> batch(warm, warmSupply, batch, random, r));
                System.out.println("warm-up   done (" + 3 * third + " s on a show of its own)");
            }
            Map<String, Boolean> admitted = new ConcurrentHashMap<>();
            ScanSupply singles = new ScanSupply(codes.subList(0, codes.size() / 2), rescanShare);
            ScanSupply batches = new ScanSupply(codes.subList(codes.size() / 2, codes.size()), rescanShare);
            ScanStage.Outcome health = ScanStage.run(clients, seconds, new ScanStage.Results(admitted),
                    (random, r) -> health(base));
            CpuUse.Mark mark = CpuUse.mark();
            ScanStage.Outcome single = ScanStage.run(clients, seconds, new ScanStage.Results(admitted),
                    (random, r) -> single(gate, singles, random, r));
            CpuUse singleCpu = CpuUse.since(mark);
            ScanStage.Outcome batched = ScanStage.run(clients, seconds, new ScanStage.Results(admitted),
                    (random, r) -> batch(gate, batches, batch, random, r));
            Check check = check(gate.show(), admitted.keySet(), single, batched);
            print(health, single, batched, singleCpu, check, clients, seconds, batch);
        } finally {
            backend.destroy();
            simulator.destroy();
            backend.waitFor();
        }
    }

    private static int health(String base) throws Exception {
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("health answered " + status);
        }
        return 0;
    }

    private static int single(Gate gate, ScanSupply supply, java.util.SplittableRandom random,
                              ScanStage.Results results) throws Exception {
        int client = random.nextInt(gate.sessions().size());
        JsonNode answer = post(gate.scans(), gate.tokens().get(client), scan(supply.next(random),
                gate.sessions().get(client)));
        results.record(answer.path("result").asText(), answer.path("ticket").path("id").asText());
        return 1;
    }

    private static int batch(Gate gate, ScanSupply supply, int size, java.util.SplittableRandom random,
                             ScanStage.Results results) throws Exception {
        int client = random.nextInt(gate.sessions().size());
        List<Map<String, String>> scans = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            scans.add(scan(supply.next(random), gate.sessions().get(client)));
        }
        JsonNode answers = post(gate.scans() + "/batch", gate.tokens().get(client), Map.of("scans", scans));
        for (JsonNode answer : answers.path("results")) {
            results.record(answer.path("result").asText(), answer.path("ticket").path("id").asText());
        }
        return answers.path("results").size();
    }

    private static Map<String, String> scan(String code, UUID session) {
        return Map.of("code", code, "session_id", session.toString(), "nonce", "b" + NONCES.incrementAndGet());
    }

    private static JsonNode post(String url, String token, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.tree(r.body());
    }

    /** A published show of {@code capacity} GA tickets, and devices with a session each at its gate. */
    private static Gate gate(String base, UUID org, int capacity, int clients) throws Exception {
        String orgs = base + "/api/orgs/" + org;
        UUID show = UUID.fromString(post(orgs + "/events", ADMIN, Json.tree("{\"name\": \"Scan bench\", \"starts_at\":"
                + " \"2027-03-01T19:00:00+02:00\", \"ticket_types\": [{\"code\": \"ga\", \"name\": \"GA\","
                + " \"price_cents\": 10000, \"capacity\": " + capacity + "}]}")).path("id").asText());
        post(orgs + "/events/" + show + "/publish", ADMIN, Map.of());
        List<String> tokens = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < Math.min(DEVICES, clients); i++) {
            String device = post(orgs + "/devices", ADMIN, Map.of("name", "Bench scanner " + i)).path("id").asText();
            String token = post(orgs + "/tokens", ADMIN, Map.of("role", "device", "device_id", device,
                    "scopes", List.of("scanning:org:" + org))).path("token").asText();
            tokens.add(token);
            sessions.add(UUID.fromString(post(orgs + "/scanning/sessions", token, Map.of("event_id", show,
                    "gate", "Gate " + (i % 4), "direction", "entry")).path("id").asText()));
        }
        return new Gate(base, org, show, tokens, sessions);
    }

    /** Buys {@code count} tickets of the show over HTTP and returns their codes, shuffled across orders. */
    private static List<String> buy(Gate gate, int count) throws Exception {
        String orgs = gate.base() + "/api/orgs/" + gate.org();
        List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong left = new AtomicLong(count);
        List<Thread> buyers = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int b = 0; b < 8; b++) {
            buyers.add(Thread.ofPlatform().start(() -> {
                long quantity;
                while ((quantity = Math.min(20, left.getAndAdd(-20))) > 0) {
                    try {
                        String hold = post(orgs + "/events/" + gate.show() + "/holds", ADMIN,
                                Map.of("ticket_type", "ga", "quantity", quantity)).path("id").asText();
                        post(orgs + "/orders", ADMIN, Map.of("hold_id", hold, "customer", Map.of("name", "Bench",
                                "email", "bench@example.com"), "payment", Map.of("card_number", "4242424242424242",
                                "expiry", "12/30", "cvv", "123"))).path("tickets")
                                .forEach(t -> codes.add(t.path("code").asText()));
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                }
            }));
        }
        for (Thread t : buyers) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("buying tickets failed: " + failures.getFirst().getMessage());
        }
        List<String> shuffled = new ArrayList<>(codes);
        java.util.Collections.shuffle(shuffled, new java.util.Random(15));
        return shuffled;
    }

    /** The double-admission check: ok answers unique, and the same tickets PostgreSQL admitted, once each. */
    private record Check(long okAnswers, long uniqueOk, long admissions, long admittedTwice, long okNotAdmitted) {
        boolean clean() {
            return okAnswers == uniqueOk && admissions == uniqueOk && admittedTwice == 0 && okNotAdmitted == 0;
        }
    }

    private static Check check(UUID show, Set<String> okTickets, ScanStage.Outcome... stages) throws Exception {
        long okAnswers = 0;
        for (ScanStage.Outcome stage : stages) {
            okAnswers += stage.results().counts().getOrDefault("ok", 0L);
        }
        Set<String> admitted = new HashSet<>();
        long twice;
        try (Connection c = DriverManager.getConnection(BenchEnv.DB_URL, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select ticket_id from admissions where event_id = '" + show + "'")) {
                while (rs.next()) {
                    admitted.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from (select ticket_id from admissions where event_id"
                    + " = '" + show + "' group by ticket_id having count(*) > 1) x")) {
                rs.next();
                twice = rs.getLong(1);
            }
        }
        long notAdmitted = okTickets.stream().filter(t -> !admitted.contains(t)).count();
        return new Check(okAnswers, okTickets.size(), admitted.size(), twice, notAdmitted);
    }

    private static void print(ScanStage.Outcome health, ScanStage.Outcome single, ScanStage.Outcome batched,
                              CpuUse cpu, Check check, int clients, int seconds, int batch) {
        double ref = health.requestsPerSecond();
        double singleRate = single.scansPerSecond();
        double batchRate = batched.scansPerSecond();
        line("health", String.format(Locale.ROOT, "GET /health/live %.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %d",
                ref, health.latency().p50Ms(), health.latency().p99Ms(), health.errors()));
        line("single", String.format(Locale.ROOT, "%.0f scans/s, p50 %.1f ms, p99 %.1f ms, errors %d, results %s",
                singleRate, single.latency().p50Ms(), single.latency().p99Ms(), single.errors(),
                single.results().counts()));
        line("batch", String.format(Locale.ROOT, "%.0f scans/s (%.0f requests/s of %d), p50 %.1f ms, p99 %.1f ms,"
                + " errors %d, results %s", batchRate, batched.requestsPerSecond(), batch, batched.latency().p50Ms(),
                batched.latency().p99Ms(), batched.errors(), batched.results().counts()));
        line("cpu", "during single scans: " + cpu.describe());
        line("check", String.format(Locale.ROOT, "ok answers %d, distinct tickets ok %d, PostgreSQL admissions %d,"
                + " admitted twice %d, ok but not admitted %d", check.okAnswers(), check.uniqueOk(), check.admissions(),
                check.admittedTwice(), check.okNotAdmitted()));
        line("goal", String.format(Locale.ROOT, "single ≥ 0.6× health (%.2f×): %s; batch ≥ 5× single (%.1f×): %s;"
                + " zero double admissions: %s", singleRate / ref, singleRate >= 0.6 * ref ? "PASS" : "MISS",
                batchRate / singleRate, batchRate >= 5 * singleRate ? "PASS" : "MISS", check.clean() ? "PASS" : "FAIL"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bench", "scans");
        result.put("clients", clients);
        result.put("seconds", seconds);
        result.put("health_rps", Math.round(ref));
        result.put("single_scans_ps", Math.round(singleRate));
        result.put("batch_scans_ps", Math.round(batchRate));
        result.put("batch", batch);
        result.put("errors", health.errors() + single.errors() + batched.errors());
        result.put("double_admissions", !check.clean());
        System.out.println("RESULT " + Json.write(result));
    }

    private static void line(String label, String text) {
        System.out.printf(Locale.ROOT, "%-9s %s%n", label, text);
    }
}
