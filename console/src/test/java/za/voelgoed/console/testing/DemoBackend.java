package za.voelgoed.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.console.testing.ConsoleFixtures.Org;
import za.voelgoed.console.testing.ConsoleFixtures.Sale;
import za.voelgoed.console.testing.ConsoleFixtures.Show;

/**
 * A backend with a demo organisation's data, for looking at the console and taking its screenshots: starts
 * a {@link BackendProcess}, seeds three shows, a few hundred real card sales of varied ticket types and
 * seats, a few holds, a refund and dead letters of failed captures, prints how to connect
 * ({@code URL=… TOKEN=… ORG=…}), then keeps running (and with {@code --rate N} keeps selling N sales a
 * second) until killed. Its database and Redis keys are removed when it exits.
 *
 * <pre>console/src/test/demo.sh [--sales 200] [--rate 2] [--port 8080] [--dead-letters 3] [--seed 1]</pre>
 */
public final class DemoBackend {

    private final ConsoleFixtures fixtures;
    private final Org org;
    private final List<Show> shows;
    private final Random random;
    private final Set<String> soldOut = new HashSet<>();
    private final AtomicLong sold = new AtomicLong();
    /** Codes of the first show's tickets not scanned yet: the gates scan them as people arrive. */
    private final java.util.ArrayDeque<String> arriving = new java.util.ArrayDeque<>();
    private final List<Gate> gates = new ArrayList<>();
    /** Codes of the first show's tickets whose holders are inside: some of them leave by the exit. */
    private final List<String> inside = new ArrayList<>();
    private Gate exit;

    /** A scanner at a gate of the first show: its token and its open session. */
    private record Gate(String token, java.util.UUID session) {
    }

    private static volatile boolean stopping;

    private DemoBackend(ConsoleFixtures fixtures, Org org, List<Show> shows, Random random) {
        this.fixtures = fixtures;
        this.org = org;
        this.shows = shows;
        this.random = random;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        double rate = Double.parseDouble(options.getOrDefault("rate", "0").replace("/s", ""));
        int sales = Integer.parseInt(options.getOrDefault("sales", "200"));
        int deadLetters = Integer.parseInt(options.getOrDefault("dead-letters", "3"));
        Map<String, String> env = new HashMap<>();
        if (options.containsKey("port")) {
            env.put("VOELGOED_HTTP_PORT", options.get("port"));
        }
        BackendProcess backend = BackendProcess.start("demo", env, List.of("-Xmx768m", "-XX:+UseSerialGC"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            backend.close();
        }, "demo-backend-close"));
        ConsoleFixtures fixtures = new ConsoleFixtures(backend);
        Org org = fixtures.createOrg("Kaapstad Live");
        List<Show> shows = List.of(
                fixtures.createShow(org, "Jazz op die Stoep", "2027-02-14T19:30:00+02:00", 4000),
                fixtures.createShow(org, "Die Heuwel Fees", "2027-03-06T17:00:00+02:00", 6000),
                fixtures.createShow(org, "Kaapse Klopse Gala", "2027-04-02T20:00:00+02:00", 1500));
        DemoBackend demo = new DemoBackend(fixtures, org, shows,
                new Random(Long.parseLong(options.getOrDefault("seed", "1"))));
        demo.seed(sales, deadLetters);
        System.out.println("URL=" + backend.baseUrl());
        System.out.println("TOKEN=" + org.ownerToken());
        System.out.println("VIEWER_TOKEN=" + org.viewerToken());
        System.out.println("ORG=" + org.id());
        System.out.println("SHOWS=" + String.join(",", shows.stream().map(s -> s.id().toString()).toList()));
        System.out.println("ADMIN_TOKEN=" + backend.adminToken());
        System.out.println("MANAGEMENT_URL=" + backend.managementUrl());
        System.out.println("LOG=" + backend.logFile());
        System.out.println("READY sold=" + demo.sold.get() + (rate > 0 ? " selling " + rate + "/s" : "")
                + "; stop with Ctrl-C or kill " + ProcessHandle.current().pid());
        System.out.flush();
        demo.sellForever(rate);
    }

    /** Sales, holds, one refund and dead letters, as a day of trade would leave them. */
    private void seed(int sales, int deadLetters) {
        List<Sale> made = new ArrayList<>();
        for (int i = 0; i < sales; i++) {
            trySale().ifPresent(made::add);
            if (i % 50 == 49) {
                System.out.println("seeded " + (i + 1) + "/" + sales + " sales");
            }
        }
        if (!made.isEmpty()) {
            fixtures.refund(org, made.get(random.nextInt(made.size())).orderId());
        }
        // two batches, so the letters die at different times and belong to different shows
        int first = (deadLetters + 1) / 2;
        if (first > 0) {
            fixtures.makeDeadLetters(org, shows.get(0), first);
        }
        if (deadLetters - first > 0) {
            fixtures.makeDeadLetters(org, shows.get(1), deadLetters - first);
        }
        openGates();
        for (int i = 0; i < Math.min(arriving.size(), 60); i++) {
            scanOne();
        }
        if (!gates.isEmpty()) {
            fixtures.scan(org, gates.getFirst().session(), "not-a-ticket", gates.getFirst().token());
            uploadOfflineDoubles();
        }
        fixtures.hold(org, shows.get(0), "ga", 4);
        fixtures.hold(org, shows.get(1), "early", 2);
        List<String> free = freeSeats(shows.get(2));
        if (free.size() >= 2) {
            fixtures.holdSeats(org, shows.get(2), free.subList(0, 2));
        }
    }

    private void sellForever(double rate) throws InterruptedException {
        if (rate <= 0) {
            Thread.currentThread().join();
        }
        long pauseNanos = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        long lastReport = next;
        while (!stopping) {
            trySale();
            scanOne();
            next += pauseNanos;
            long now = System.nanoTime();
            if (now - lastReport > 30_000_000_000L) {
                System.out.println("sold " + sold.get() + " tickets so far");
                lastReport = now;
            }
            if (next > now) {
                Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
            } else {
                next = now; // behind: do not burst to catch up
            }
        }
    }

    /** One sale of a random show: mostly ticket types of 1–4, sometimes 1–2 reserved seats. */
    private Optional<Sale> trySale() {
        Show show = shows.get(random.nextInt(shows.size()));
        String type = random.nextInt(3) == 0 ? "early" : "ga";
        if (soldOut.contains(show.id() + ":" + type)) {
            return Optional.empty();
        }
        try {
            Sale sale = random.nextInt(10) < 8
                    ? fixtures.sell(org, show, type, 1 + random.nextInt(4)) : sellSeats(show, type);
            sold.addAndGet(sale.tickets());
            if (show.equals(shows.getFirst())) {
                arriving.addAll(sale.codes());
            }
            return Optional.of(sale);
        } catch (AssertionError | RuntimeException e) {
            if (stopping) {
                return Optional.empty();
            }
            // sold out, or a seat taken meanwhile: that is trade too; say so and go on
            String message = String.valueOf(e.getMessage());
            System.out.println("sale refused: " + message.substring(0, Math.min(200, message.length())));
            if (message.contains("sold_out") || message.contains("not_enough")) {
                soldOut.add(show.id() + ":" + type);
            }
            return Optional.empty();
        }
    }

    /** Three gates of the first show, each with its own scanner (a device token) and session, and an exit. */
    private void openGates() {
        for (String gate : List.of("North", "South", "VIP")) {
            String token = fixtures.deviceToken(org, gate + " scanner");
            gates.add(new Gate(token, fixtures.openScanSession(org, shows.getFirst(), gate, token)));
        }
        String token = fixtures.deviceToken(org, "Exit scanner");
        exit = new Gate(token, fixtures.openScanSession(org, shows.getFirst(), "Exit", "exit", token));
    }

    /**
     * A scanner that lost its network admitted two people whose tickets the gates had already let in, and
     * uploads its scans when it is back: two double admissions in the show's report.
     */
    private void uploadOfflineDoubles() {
        if (inside.size() < 2) {
            return;
        }
        String token = fixtures.deviceToken(org, "East scanner (offline)");
        java.util.UUID session = fixtures.openScanSession(org, shows.getFirst(), "East", token);
        for (String code : inside.subList(0, 2)) {
            fixtures.uploadOffline(org, session, code, token);
        }
    }

    /**
     * One arrival at a random gate; now and then someone shows a ticket that was already scanned, and now and
     * then someone inside leaves by the exit.
     */
    private void scanOne() {
        if (gates.isEmpty() || arriving.isEmpty()) {
            return;
        }
        Gate gate = gates.get(random.nextInt(gates.size()));
        try {
            if (random.nextInt(8) == 0 && inside.size() > 10) {
                fixtures.scan(org, exit.session(), inside.remove(random.nextInt(inside.size())), exit.token());
                return;
            }
            String code = arriving.pollFirst();
            if ("ok".equals(fixtures.scan(org, gate.session(), code, gate.token()))) {
                inside.add(code);
            }
            if (random.nextInt(15) == 0) {
                fixtures.scan(org, gate.session(), code, gate.token());
            }
        } catch (AssertionError | RuntimeException e) {
            if (!stopping) {
                String message = String.valueOf(e.getMessage());
                System.out.println("scan failed: " + message.substring(0, Math.min(200, message.length())));
            }
        }
    }

    /** 1–2 free seats side by side, or tickets of {@code type} when no seat is free. */
    private Sale sellSeats(Show show, String type) {
        List<String> free = freeSeats(show);
        if (free.isEmpty()) {
            return fixtures.sell(org, show, type, 1);
        }
        int start = random.nextInt(free.size());
        return fixtures.sellSeats(org, show, free.subList(start, Math.min(free.size(), start + 1 + random.nextInt(2))));
    }

    private List<String> freeSeats(Show show) {
        JsonNode availability = fixtures.availability(org, show);
        List<String> free = new ArrayList<>();
        for (JsonNode seat : availability.path("seats").path("items")) {
            if (seat.path("status").asText().equals("free")) {
                free.add(seat.path("id").asText());
            }
        }
        return free;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options: --sales N --rate N"
                        + " --port P --dead-letters N --seed S");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }
}
