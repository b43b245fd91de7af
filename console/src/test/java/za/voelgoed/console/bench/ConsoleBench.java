package za.voelgoed.console.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.console.testing.BackendProcess;
import za.voelgoed.console.testing.ConsoleFixtures;
import za.voelgoed.testing.TestEnv;

/**
 * {@code bin/bench console}: the real console against a real backend taking domain events at a fixed rate.
 * Starts a backend process (and the payment simulator), an organisation with a show of a million
 * general-admission tickets and a few sales, warms the backend's hold path up, then launches the console
 * as a process of its own on the live-sales page and measures: first data on screen after launch; the FX
 * thread's gaps (between 60 Hz beats handed to it) idle (the reference) and under load; redraws per second;
 * heap after a full GC at one minute and at the end; sale-to-screen latency of marker sales, idle and under
 * load. The load is {@link HoldLoad}; the rate reached is counted by the clients and by the outbox rows in PostgreSQL.
 * Exit status: 0 when the run completed (goals met or not), 1 when it broke, 2 for bad arguments.
 */
public final class ConsoleBench {

    static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final ConsoleBenchSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private BackendProcess backend;
    private ConsoleFixtures fixtures;
    private ConsoleFixtures.Org org;
    private ConsoleFixtures.Show show;
    private long baseline;
    private ConsoleBenchReport report;
    private ConsoleChild console;
    private ConsoleChild.Line heapEarly;

    private ConsoleBench(ConsoleBenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        ConsoleBenchSettings settings;
        try {
            settings = ConsoleBenchSettings.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench console: " + e.getMessage());
            System.err.println(ConsoleBenchSettings.USAGE);
            System.exit(2);
            return;
        }
        ConsoleBench bench = new ConsoleBench(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll, "console-bench-stop"));
        watchdog(settings.budgetSeconds());
        int status;
        try {
            bench.run(String.join(" ", args));
            status = 0;
        } catch (Exception | AssertionError e) {
            System.err.println("bench console: BROKEN RUN: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        bench.stopAll();
        System.exit(status);
    }

    private void run(String commandLine) throws Exception {
        report = new ConsoleBenchReport(settings, commandLine);
        report.machine();
        seed();
        warmUp("the backend's hold path");
        console = launchConsole();
        // the push of every event to the console (the backend's gateway, the console's live pages) is not run until a
        // console follows the show: without this the load's first minute measured its JIT compiling, not its pace
        warmUp("the push to the console");
        MarkerSales markers = new MarkerSales(fixtures, org, show, baseline, settings.markerEveryMillis());
        started.add(markers);
        say("reference: the idle console for " + settings.referenceSeconds() + " s (marker sales only)");
        Phase idle = Phase.begin("idle", backend);
        Thread.sleep(settings.referenceSeconds() * 1_000L);
        report.phase(idle.end(console.ask("GAPS idle", "GAPS", ASK_TIMEOUT), console));
        markers.phase("load");
        loadPhase();
        markers.phase("after");
        ConsoleChild.Line heapEnd = console.ask("GC", "HEAP", ASK_TIMEOUT);
        markers.close();
        report.heap(heapEarly, heapEnd);
        report.saleToScreen(markers.markers(), console.lines("SOLD"), markers.lastError());
        report.problems(console.lines("PROBLEM"));
        report.goals();
        say("console log: " + console.log().toAbsolutePath() + "; backend log: " + backend.logFile());
    }

    /** {@code --warmup} seconds of the load, reported apart and not counted. */
    private void warmUp(String what) throws Exception {
        if (settings.warmupSeconds() > 0) {
            say("warming " + what + " up for " + settings.warmupSeconds() + " s (not reported)");
            try (HoldLoad warm = load(settings.warmupSeconds()).start()) {
                Thread.sleep(settings.warmupSeconds() * 1_000L);
                report.warmup(warm.events(), warm.errors(), settings.warmupSeconds());
            }
        }
    }

    /** The backend, an organisation, a show of {@code --capacity} tickets and a few sales. */
    private void seed() {
        say("starting the backend and the payment simulator");
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_DB_POOL_SIZE", "24");
        backend = BackendProcess.start("console-bench", env, settings.backendJvm());
        fixtures = new ConsoleFixtures(backend);
        org = fixtures.createOrg("Console bench");
        show = fixtures.createShow(org, "Bench on sale", "2027-03-01T19:00:00+02:00", settings.capacity());
        for (int i = 0; i < settings.seedSales(); i++) {
            fixtures.sell(org, show, "ga", 1 + i % 3);
        }
        baseline = fixtures.as(org.viewerToken()).get("/api/orgs/" + org.id() + "/sales").expect(200)
                .path("totals").path("sold").asLong();
        say("org " + org.id() + ", show " + show.id() + ", " + baseline + " tickets sold before the run");
    }

    /**
     * Starts the console on the sales page {@code 1 + --starts} times, each to its first data, as a user's
     * first start after a build and the starts after it: the first maps the class-data-sharing archive of the
     * build (with {@code --cds user}, none) and writes the per-user layer over it as it exits normally; the
     * later ones map both. The last one stays, and the phases start once it has settled.
     */
    private ConsoleChild launchConsole() throws Exception {
        Path work = Path.of("target", "console-bench");
        ConsoleLaunch launch = ConsoleLaunch.prepare(work, settings.cds());
        launch.forgetArchives();
        say("launching the console (" + settings.display() + ") " + (1 + settings.starts()) + " times: "
                + launch.jar() + " + the probe's jar, JVM options of bin/lib/console-jvm.sh: " + launch.options());
        List<String> args = List.of("--backend", backend.baseUrl(), "--token", org.viewerToken(),
                "--org", org.id().toString(), "--page", "sales", "--forget-token");
        double first = 0;
        List<Double> later = new ArrayList<>();
        ConsoleChild child = null;
        XServer xserver = null;
        if (settings.display().equals("xvfb")) {
            xserver = XServer.start(work.resolve("xvfb.log").toAbsolutePath());
            started.add(xserver);
            say("X server: Xvfb on " + xserver.display() + ", up before the console starts, as a desktop's");
        }
        for (int i = 0; i <= settings.starts(); i++) {
            MachineTicks ticksAtLaunch = MachineTicks.now();
            child = ConsoleChild.start(launch, settings.display(), xserver, settings.consoleJvm(), args, work,
                    i == 0 ? "console-first" : "console-" + i);
            started.add(child);
            double ms = firstData(child, i == 0 ? "first start" : "start " + i);
            report.startCpu(ticksAtLaunch, MachineTicks.now(), child.cpuSeconds());
            if (i == 0) {
                first = ms;
            } else {
                later.add(ms);
            }
            if (i < settings.starts()) {
                long exitMs = child.exitNormally(Duration.ofSeconds(120));
                started.remove(child);
                if (i == 0) {
                    report.archive(launch.builtBase(), launch.archive(), exitMs);
                }
            }
        }
        report.firstDataGoals(first, later, settings.cds());
        say("rendering: " + child.pipeline());
        // the reference starts once the console has settled (its JIT and first layout out of the way)
        Thread.sleep(SETTLE.toMillis());
        child.ask("GAPS startup", "GAPS", ASK_TIMEOUT);
        return child;
    }

    /** Waits for {@code child}'s first data and prints its startup steps; the ms from launch to first data. */
    private double firstData(ConsoleChild child, String label) throws InterruptedException {
        ConsoleChild.Line loaded = child.await("LOADED", Duration.ofSeconds(60));
        List<ConsoleChild.Line> steps = new ArrayList<>();
        for (String step : List.of("MAIN", "TOOLKIT", "WINDOW", "SHELL")) {
            steps.add(child.await(step, ASK_TIMEOUT));
        }
        return report.firstData(label, child.archivesMapped(), child.launchedAtMicros(), steps, loaded);
    }

    /** The load for {@code --duration}, the heap at {@code --heap-at}, the phase's figures and the rate reached. */
    private void loadPhase() throws Exception {
        say("load: " + settings.rate() + " events/s from " + settings.clients() + " clients for "
                + settings.durationSeconds() + " s");
        HoldLoad hold = load(settings.durationSeconds());
        long eventsBefore = outboxRows(org.id());
        double tailMs;
        Phase load = Phase.begin("load", backend);
        hold.start();
        long[] timeline;
        try (hold) {
            sleepUntil(hold.startNanos() + settings.heapAtSeconds() * 1_000_000_000L, console, hold);
            heapEarly = console.ask("GC", "HEAP", ASK_TIMEOUT);
            say("heap after a full GC at " + settings.heapAtSeconds() + " s: "
                    + ConsoleBenchReport.mib(heapEarly.number(0)));
            long endNanos = hold.startNanos() + settings.durationSeconds() * 1_000_000_000L;
            sleepUntil(endNanos, console, hold);
            // the cycles due before the end that are still being made finish (late ones up to MAX_BEHIND_SECONDS)
            long doneNanos = hold.awaitDone(Duration.ofSeconds(HoldLoad.MAX_BEHIND_SECONDS + 10));
            tailMs = doneNanos < 0 ? -1 : Math.max(0, (doneNanos - endNanos) / 1e6);
            timeline = hold.perSecond(settings.durationSeconds());
        }
        Phase.Result result = load.end(console.ask("GAPS load", "GAPS", ASK_TIMEOUT), console);
        long committed = outboxRows(org.id()) - eventsBefore;
        report.load(result, new ConsoleBenchReport.Tally(hold.offered(), hold.events(), committed, hold.skipped(),
                hold.errors(), hold.lastError(), settings.durationSeconds(), tailMs), pendingRows(), timeline);
        report.requests(hold.latency(), settings.clients(), settings.durationSeconds());
    }

    private HoldLoad load(int seconds) {
        return new HoldLoad(backend.baseUrl(), org.id().toString(), show.id().toString(), org.ownerToken(),
                settings.rate(), settings.clients(), seconds);
    }

    /** Sleeps until {@code nanos}, printing progress every 10 s; fails at once when the console dies. */
    private static void sleepUntil(long nanos, ConsoleChild console, HoldLoad load) throws InterruptedException {
        long lastSay = System.nanoTime();
        long lastEvents = load.events();
        while (System.nanoTime() < nanos) {
            if (!console.isAlive()) {
                throw new IllegalStateException("the console exited during the load; see " + console.log());
            }
            Thread.sleep(Math.min(500, Math.max(1, (nanos - System.nanoTime()) / 1_000_000)));
            if (System.nanoTime() - lastSay >= 10_000_000_000L) {
                long events = load.events();
                say(String.format(java.util.Locale.ROOT, "  %.0f events/s over the last %.0f s, %d errors so far",
                        (events - lastEvents) / ((System.nanoTime() - lastSay) / 1e9),
                        (System.nanoTime() - lastSay) / 1e9, load.errors()));
                lastSay = System.nanoTime();
                lastEvents = events;
            }
        }
    }

    /** Domain events of the organisation in the outbox (committed; each is one row). */
    private static long outboxRows(UUID org) throws Exception {
        try (Connection c = TestEnv.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from domain_events where organization_id = ?")) {
            s.setObject(1, org);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Outbox rows committed but not yet dispatched (a backlog at the end means the dispatcher fell behind). */
    private static long pendingRows() throws Exception {
        try (Connection c = TestEnv.connect();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox_pending");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Stops the console, the load's processes and the backend; safe to call twice (also from Ctrl-C). */
    private synchronized void stopAll() {
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("bench console: while stopping: " + e);
            }
        }
        started.clear();
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    /** Ends the process (status 1, after the shutdown hook stops everything) when the run overruns. */
    private static void watchdog(long seconds) {
        Thread.ofPlatform().daemon().name("console-bench-watchdog").start(() -> {
            try {
                Thread.sleep(seconds * 1_000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("bench console: BROKEN RUN: still running after " + seconds + " s; stopping");
            System.exit(1);
        });
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    static void say(String line) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + line);
    }
}
