package za.voelgoed.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bin/bench <scenario> [--option value ...]}. Scenarios: {@code outbox} (commit → subscriber on another
 * node, one and two nodes) and {@code gateway} (commit → WebSocket clients). Every run targets 127.0.0.1,
 * uses its own database and Redis prefix, and stops by itself.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java "
                + Runtime.version() + ", args " + String.join(" ", args));
        switch (args[0]) {
            case "outbox" -> OutboxBench.run(options);
            case "gateway" -> GatewayBench.run(options);
            default -> usage();
        }
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static int intOption(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static void usage() {
        System.err.println("usage: bin/bench outbox [--nodes 1|2] [--rate 2000] [--seconds 20] [--warmup 5]"
                + " [--resources 200] [--writers 16]");
        System.err.println("       bin/bench gateway [--clients 500,2000,5000] [--orgs 10] [--rate 2000] [--seconds 15]");
        System.exit(2);
    }
}
