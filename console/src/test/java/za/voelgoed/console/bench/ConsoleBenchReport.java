package za.voelgoed.console.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bin/bench console} prints: the machine and the command first, each phase as it ends, then
 * every goal with its measured value and PASS or MISS (a missed goal is a finding, not a broken run).
 */
final class ConsoleBenchReport {

    static final double FIRST_DATA_GOAL_MS = 2_000;
    static final double PULSE_P99_GOAL_MS = 50;
    static final double REDRAWS_GOAL = 10;
    static final double HEAP_GROWTH_GOAL = 0.20;
    static final int RATE_GOAL = 2_000;

    private final ConsoleBenchSettings settings;
    private final String commandLine;
    private final List<String> goals = new ArrayList<>();
    private Phase.Result idle;

    ConsoleBenchReport(ConsoleBenchSettings settings, String commandLine) {
        this.settings = settings;
        this.commandLine = commandLine;
    }

    void machine() {
        print("machine   %d cpus, java %s (%s), display %s; load average %.2f",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), settings.display(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        print("command   bin/bench console %s", commandLine);
        print("settings  rate %d events/s offered, %d clients, load %d s, idle reference %d s, warm-up %d s,"
                + " marker sale every %d ms; backend JVM %s; console JVM %s", settings.rate(), settings.clients(),
                settings.durationSeconds(), settings.referenceSeconds(), settings.warmupSeconds(),
                settings.markerEveryMillis(), settings.backendJvm(),
                settings.consoleJvm().isEmpty() ? "(defaults)" : settings.consoleJvm());
    }

    /** What the load offered and what became of it; {@code tailMs} -1 when its clients did not finish in time. */
    record Tally(long offered, long confirmed, long committed, long skipped, long errors, String lastError,
                 int seconds, double tailMs) {
    }

    void warmup(long events, long errors, int seconds) {
        print("warm-up   %.0f events/s confirmed (%d errors) over %d s, not reported further",
                events / (double) seconds, errors, seconds);
    }

    /** One start's steps from launch to first data; returns the ms to first data. */
    double firstData(String label, String archivesMapped, long launchedMicros, List<ConsoleChild.Line> steps,
                     ConsoleChild.Line loaded) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "startup   %-11s (%s) launch", label,
                archivesMapped));
        // in the order they happened (the shell can open before the probe sees the window showing)
        for (ConsoleChild.Line step : steps.stream().sorted(java.util.Comparator.comparingLong(
                ConsoleChild.Line::atMicros)).toList()) {
            line.append(String.format(Locale.ROOT, " -> %s %.0f ms", switch (step.kind()) {
                case "MAIN" -> "JVM in main";
                case "TOOLKIT" -> "FX toolkit up";
                case "WINDOW" -> "window shown";
                case "SHELL" -> "shell open (token checked)";
                default -> step.kind();
            }, (step.atMicros() - launchedMicros) / 1e3));
        }
        double loadedMs = (loaded.atMicros() - launchedMicros) / 1e3;
        print("%s -> sales page loaded (sold %s) %.0f ms", line, loaded.words().getFirst(), loadedMs);
        return loadedMs;
    }

    /**
     * The CPU around a start, from its launch to its first data: how much of the machine it had. A start that
     * shared the cores with something else (the backend's JIT after a warm-up, a checkpoint) is slower for it.
     */
    void startCpu(MachineTicks atLaunch, MachineTicks atData, double consoleCpuSeconds) {
        print("          CPU meanwhile: machine %.0f of %d busy (stolen %.0f); the console and its X server %.1f s",
                atData.busyPercentSince(atLaunch), 100 * Runtime.getRuntime().availableProcessors(),
                atData.stolenPercentSince(atLaunch), consoleCpuSeconds);
    }

    /** The archives the starts map: the build's base (or the JDK's) and the per-user layer the first start's exit left. */
    void archive(java.nio.file.Path base, java.nio.file.Path archive, long exitMs) {
        if (archive == null) {
            print("archive   none (--cds off); the first start exited in %d ms", exitMs);
            return;
        }
        long size = archive.toFile().length();
        print("archive   %s%s: %s written as the first start exited (its exit took %d ms)",
                base == null ? "" : base + " (" + mib(base.toFile().length()) + ", by mvn package) + ", archive,
                size > 0 ? mib(size) : "NOTHING", exitMs);
    }

    /** The first-data goal, for the first start and for the later ones (their median). */
    void firstDataGoals(double first, List<Double> later, String cds) {
        double[] ms = later.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String firstArchive = switch (cds) {
            case "on" -> " (the build's archive)";
            case "user" -> " (no archive yet)";
            default -> " (--cds off)";
        };
        goal("first data on screen, first start" + firstArchive, first,
                FIRST_DATA_GOAL_MS, "ms", "launch of the console's JVM to the sales page's loaded() with real numbers;"
                        + " what a user sees on the first start after a build");
        goal("first data on screen, later starts" + (cds.equals("off") ? " (--cds off)" : " (archive mapped)")
                + ", median of " + ms.length, pct(ms, 0.5), FIRST_DATA_GOAL_MS, "ms", "each start: " + later.stream()
                .map(d -> String.format(Locale.ROOT, "%.0f", d)).toList() + " ms");
    }

    void phase(Phase.Result r) {
        idle = r;
        printPhase(r);
    }

    /**
     * The load's requests: latency, and by Little's law the requests in flight on average (rate x mean
     * latency), against the clients there were to carry them.
     */
    void requests(RequestLatency latency, int clients, int seconds) {
        double perSecond = latency.requests() / (double) seconds;
        print("requests  %d answered: latency p50 %d ms, p99 %d ms, mean %.1f ms; in flight on average %.0f"
                        + " (%.0f/s x mean latency) of %d clients", latency.requests(), latency.quantileMillis(0.5),
                latency.quantileMillis(0.99), latency.meanMillis(), perSecond * latency.meanMillis() / 1000,
                perSecond, clients);
    }

    void load(Phase.Result r, Tally load, long pending, long[] timeline) {
        printPhase(r);
        print("load      %d events offered in %d s; %d confirmed by the clients, %d committed to the outbox, %d"
                        + " skipped (over %d s late), %d errors%s; %s; %d outbox rows still undispatched at the end",
                load.offered(), load.seconds(), load.confirmed(), load.committed(), load.skipped(),
                HoldLoad.MAX_BEHIND_SECONDS, load.errors(), load.lastError() == null ? "" : " (last: "
                        + load.lastError() + ")", load.tailMs() < 0 ? "the clients had not finished in time"
                        : String.format(Locale.ROOT, "the last cycle finished %.0f ms after the end", load.tailMs()),
                pending);
        print("timeline  events/s per second: %s", timelineText(timeline));
        goal("domain events per second reached", load.confirmed() / (double) load.seconds(), RATE_GOAL,
                "/s at least", "hold events the backend confirmed (each after its commit) for the cycles due in the"
                        + " load's " + load.seconds() + " s / that length; the cycles under way at its end finish"
                        + " first, and the outbox's rows, which also hold the marker sales' events, are counted apart");
        if (idle != null) {
            print("ratio     pulse gap p99 under load / idle reference: %.2f (%.1f ms / %.1f ms)",
                    r.gapP99() / Math.max(0.001, idle.gapP99()), r.gapP99(), idle.gapP99());
        }
        goal("FX pulse gap p99 under load", r.gapP99(), PULSE_P99_GOAL_MS, "ms", String.format(Locale.ROOT,
                "%d gaps between 60 Hz beats on the FX thread; p50 %.1f ms, p99.9 %.1f ms, max %.1f ms (includes"
                        + " the 1-min full GC)", r.gapCount(), r.gapP50(), r.gapP999(), r.gapMax()));
        goal("sales page redraws per second (busiest second)", r.maxRedrawsPerSecond(), REDRAWS_GOAL, "/s",
                String.format(Locale.ROOT, "mean %.2f/s over the load; snapshot reads %.2f/s", r.redrawsPerSecond(),
                        r.readsPerSecond()));
    }

    void heap(ConsoleChild.Line early, ConsoleChild.Line end) {
        double growth = (end.number(0) - early.number(0)) / (double) early.number(0);
        print("heap      after a full GC: %s at %d s into the load, %s at its end (%+.1f%%); committed %s",
                mib(early.number(0)), settings.heapAtSeconds(), mib(end.number(0)), 100 * growth, mib(end.number(1)));
        HeapHistogram.growth(early.words().get(2), end.words().get(2), 6)
                .forEach(g -> print("heap      grew: %s", g));
        goal("heap change, end vs " + settings.heapAtSeconds() + " s (either way)", Math.abs(100 * growth),
                100 * HEAP_GROWTH_GOAL, "%", "used heap after System.gc() in the console's JVM");
    }

    void saleToScreen(List<MarkerSales.Marker> markers, List<ConsoleChild.Line> sold, String lastError) {
        for (String phase : List.of("idle", "load")) {
            List<Double> latencies = new ArrayList<>();
            int unseen = 0;
            for (MarkerSales.Marker m : markers) {
                if (!m.phase().equals(phase)) {
                    continue;
                }
                ConsoleChild.Line shown = sold.stream().filter(s -> s.number(0) >= m.soldAfter()).findFirst()
                        .orElse(null);
                if (shown == null) {
                    unseen++;
                } else {
                    latencies.add((shown.atMicros() - m.answeredMicros()) / 1e3);
                }
            }
            double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            print("sale->screen %-4s %d sales: p50 %.0f ms, p90 %.0f ms, max %.0f ms%s (checkout's 201 to the sold"
                    + " figure changing on the page)", phase, ms.length, pct(ms, 0.5), pct(ms, 0.9),
                    ms.length == 0 ? 0 : ms[ms.length - 1], unseen == 0 ? "" : "; " + unseen + " never shown");
        }
        if (lastError != null) {
            print("markers   a marker sale failed: %s", lastError);
        }
    }

    void problems(List<ConsoleChild.Line> problems) {
        if (!problems.isEmpty()) {
            print("console   %d problem sentence(s) on the page; first: %s", problems.size(),
                    String.join(" ", problems.getFirst().words()));
        }
    }

    void goals() {
        System.out.println();
        System.out.println("GOALS (issue 14; a MISS is reported, not failed)");
        goals.forEach(System.out::println);
        int cores = Runtime.getRuntime().availableProcessors();
        if (idle != null && idle.machineCpu() > 60.0 * cores) {
            print("NOTE      the machine was %.0f%% busy (of %d%%) before the load started, with the console idle:"
                    + " other work shares its cores, so absolute figures measure the machine as much as the console;"
                    + " compare the load phase with the idle reference (DESIGN.md section 8)", idle.machineCpu(),
                    100 * cores);
        }
    }

    private void printPhase(Phase.Result r) {
        print("phase %-4s %.0f s: FX beats %.0f/s, gaps p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms;"
                        + " redraws %.2f/s (busiest second %.1f), snapshot reads %.2f/s; CPU %% of one core: console"
                        + " %.0f, backend %.0f, machine %.0f of %d (of which stolen by the hypervisor %.0f)", r.name(),
                r.seconds(), r.gapCount() / r.seconds(), r.gapP50(), r.gapP99(), r.gapP999(), r.gapMax(),
                r.redrawsPerSecond(), r.maxRedrawsPerSecond(), r.readsPerSecond(), r.consoleCpu(), r.backendCpu(),
                r.machineCpu(), 100 * Runtime.getRuntime().availableProcessors(), r.stolenCpu());
    }

    /** A goal line; {@code unit} "/s at least" marks a floor, anything else a ceiling. */
    private void goal(String what, double value, double limit, String unit, String how) {
        boolean floor = unit.endsWith("at least");
        boolean pass = floor ? value >= limit : value <= limit;
        String u = floor ? unit.replace(" at least", "") : unit;
        goals.add(String.format(Locale.ROOT, "  %-4s %-46s %10.1f %-3s goal %s %.0f %s — %s", pass ? "PASS" : "MISS",
                what, value, u, floor ? ">=" : "<=", limit, u, how));
    }

    private static String timelineText(long[] timeline) {
        return String.join(" ", Arrays.stream(timeline).mapToObj(Long::toString).toList());
    }

    private static double pct(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
