package za.voelgoed.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bin/bench <scenario> [--option value ...]}. Scenarios: {@code outbox} (commit → subscriber, one
 * and two nodes in this JVM), {@code gateway} (commit → WebSocket clients of a backend process) and
 * {@code jobs} (no-op jobs per second, our job engine and db-scheduler one after the other), {@code holds} (a
 * flash sale over HTTP) and {@code scans} (single and batched scans over HTTP beside the empty endpoint). Every
 * run targets 127.0.0.1, uses the database {@code voelgoed_bench} and a Redis prefix of its own, and stops
 * by itself. Exit status: 0 done, 1 failed (message and stack trace on stderr), 2 bad arguments (usage).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("no scenario given");
        }
        String commandLine = String.join(" ", args);
        Map<String, String> options = parsed(() -> options(Arrays.copyOfRange(args, 1, args.length)));
        try {
            switch (args[0]) {
                case "outbox" -> OutboxBench.run(parsed(() -> OutboxBench.Settings.from(options)), commandLine);
                case "gateway" -> {
                    System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java "
                            + Runtime.version() + ", args " + commandLine);
                    GatewayBench.run(options);
                }
                case "jobs" -> JobsBench.run(parsed(() -> JobsBench.Settings.from(options)), commandLine);
                case "holds" -> HoldsBench.run(options, commandLine);
                case "scans" -> ScansBench.run(parsed(() -> ScansBench.Settings.from(options)), commandLine);
                default -> usage("unknown scenario '" + args[0] + "'");
            }
        } catch (Exception e) {
            System.err.println("bench: failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** The value parsed from the arguments, or the usage and exit status 2 when they are wrong. */
    private static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            throw e;
        }
    }

    /** {@code --name value} pairs; anything else is an error. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.getOrDefault(name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + value + "'", e);
        }
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println("usage: bin/bench outbox [--nodes 1|2] [--rate 2000] [--seconds 20] [--warmup 5]"
                + " [--resources 200] [--writers 16]");
        System.err.println("         --nodes     1 or 2 (default: 1, then 2, side by side)");
        System.err.println("         --rate      events/s over all writers; 0 = as fast as possible");
        System.err.println("       bin/bench gateway [--clients 500,2000,5000] [--orgs 10] [--rate 2000]"
                + " [--seconds 15]");
        System.err.println("       bin/bench jobs [--jobs 50000] [--orgs 10] [--concurrency 50] [--pool 50]"
                + " [--rounds 1] [--order ours,db-scheduler] [--poll-ms 100] [--lock-and-fetch 0.5,1.0] [--analyze on]"
                + " [--timeout-seconds 300]");
        System.err.println("         --pool            both engines' pool size (default: concurrency, at most 64)");
        System.err.println("         --lock-and-fetch  db-scheduler's lower,upper fractions of its threads");
        System.err.println("         --analyze         on: ANALYZE the filled table before the clock starts, off: not");
        System.err.println("       bin/bench scans [--clients 32] [--seconds 10] [--warmup 6] [--tickets 10000] [--batch 100]"
                + " [--rescan-share 0.2]");
        System.exit(2);
    }
}
