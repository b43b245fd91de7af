package za.voelgoed.console.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code bin/bench console}; {@code --name value} pairs, each with a default. */
record ConsoleBenchSettings(int durationSeconds, int rate, int clients, int referenceSeconds, int warmupSeconds,
                            String display, long markerEveryMillis, int heapAtSeconds, int seedSales, int capacity,
                            List<String> backendJvm, List<String> consoleJvm, int starts, String cds) {

    static final String USAGE = """
            usage: bin/bench console [--duration 300] [--rate 2000] [--clients 512] [--reference 20] [--warmup 60]
                                     [--display xvfb|monocle|current] [--marker-every-ms 2000] [--heap-at 60]
                                     [--backend-jvm "-Xms512m -Xmx1g -XX:MaxGCPauseMillis=20"] [--console-jvm ""]
                                     [--starts 3] [--cds on|user|off]
              --duration   seconds of load (the goals are for 300)
              --rate       domain events per second offered (holds created and released: 2 events per cycle)
              --clients    concurrent HTTP clients of the load, each one request at a time: they must cover the
                           requests in flight (rate x latency; the "requests" line), or they cap the rate
              --reference  seconds of the idle console before the load (the reference pulse gaps and latency)
              --warmup     seconds of load before the console starts (the backend's hold path), and again once it
                           follows the show (the push to it), neither reported
              --display    xvfb: the console on an Xvfb display the bench starts once, before the console's
                           first start, as a desktop's X server runs before a user starts the console (the default
                           when Xvfb is installed); monocle: headless, no X server; current: this DISPLAY
              --heap-at    seconds into the load of the first heap measurement (at most half the duration)
              --starts     starts of the console after its first (each to first data; the last one stays for
                           the phases). Every start maps the class-data-sharing archive mvn package wrote beside
                           console.jar, the first included (a user's first start after a build)
              --cds        user: without the build's archive, as when it does not fit the JDK: the first start has
                           none and writes a per-user one as it exits, the others map that;
                           off: no archive at all (VOELGOED_CONSOLE_CDS=user|off), to compare""";

    static ConsoleBenchSettings parse(List<String> args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                o.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                o.put(arg.substring(2), args.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        int duration = positive(o, "duration", 300);
        String display = o.getOrDefault("display", onPath("Xvfb") ? "xvfb" : "monocle");
        if (!List.of("xvfb", "monocle", "current").contains(display)) {
            throw new IllegalArgumentException("--display must be xvfb, monocle or current");
        }
        ConsoleBenchSettings settings = new ConsoleBenchSettings(duration, positive(o, "rate", 2000),
                positive(o, "clients", 512), positive(o, "reference", 20), number(o, "warmup", 60), display,
                positive(o, "marker-every-ms", 2000), Math.min(positive(o, "heap-at", 60), Math.max(1, duration / 2)),
                number(o, "seed-sales", 12), positive(o, "capacity", 1_000_000),
                words(o.getOrDefault("backend-jvm", "-Xms512m -Xmx1g -XX:MaxGCPauseMillis=20")),
                words(o.getOrDefault("console-jvm", "")), positive(o, "starts", 3),
                archiveMode(o.getOrDefault("cds", "on")));
        o.keySet().removeAll(List.of("duration", "rate", "clients", "reference", "warmup", "display",
                "marker-every-ms", "heap-at", "seed-sales", "capacity", "backend-jvm", "console-jvm", "starts", "cds"));
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + o.keySet());
        }
        return settings;
    }

    /** How long the whole run may take before the watchdog stops it: setup, phases and a margin. */
    long budgetSeconds() {
        return 300L + 90L * starts + 2L * warmupSeconds + referenceSeconds + durationSeconds;
    }

    private static int positive(Map<String, String> o, String name, int fallback) {
        int value = number(o, name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }

    private static int number(Map<String, String> o, String name, int fallback) {
        String value = o.getOrDefault(name, Integer.toString(fallback)).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String archiveMode(String value) {
        if (!List.of("on", "user", "off").contains(value)) {
            throw new IllegalArgumentException("--cds must be on, user or off, got '" + value + "'");
        }
        return value;
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program)));
    }

    private static List<String> words(String text) {
        return new ArrayList<>(Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList());
    }
}
