package za.voelgoed.paysim;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How the simulator behaves. Each option is a {@code --name value} (or {@code --name=value}) argument or
 * a {@code PAYSIM_NAME} environment variable; arguments win.
 *
 * @param port           0 picks a free port (printed on the ready line)
 * @param timeoutSleepMs how late a timed-out answer comes; longer than any sane client timeout
 * @param parentPid      exit when this process ends, so a test run that dies leaves no simulator behind
 */
public record SimulatorOptions(String host, int port, long latencyMs, long jitterMs, double declineRate,
                               double failureRate, double timeoutRate, long timeoutSleepMs, OptionalLong seed,
                               OptionalLong parentPid) {

    static final List<String> NAMES = List.of("host", "port", "latency-ms", "jitter-ms", "decline-rate",
            "failure-rate", "timeout-rate", "timeout-sleep-ms", "seed", "parent-pid");

    public static final String USAGE = """
            usage: java -jar payment-simulator.jar [--host 127.0.0.1] [--port 8089] [--latency-ms 0] [--jitter-ms 0]
                   [--decline-rate 0..1] [--failure-rate 0..1] [--timeout-rate 0..1] [--timeout-sleep-ms 30000]
                   [--seed N] [--parent-pid PID]
            Each option may also be set as PAYSIM_<NAME> in the environment (e.g. PAYSIM_LATENCY_MS=200).""";

    public SimulatorOptions {
        requireRate("decline-rate", declineRate);
        requireRate("failure-rate", failureRate);
        requireRate("timeout-rate", timeoutRate);
        if (port < 0 || port > 65_535 || latencyMs < 0 || jitterMs < 0 || timeoutSleepMs < 0) {
            throw new IllegalArgumentException("port must be 0..65535 and the millisecond options not negative");
        }
    }

    public static SimulatorOptions defaults() {
        return parse(new String[0], Map.of());
    }

    /** Reads the environment, then the arguments; unknown or malformed options are refused. */
    public static SimulatorOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (String name : NAMES) {
            String fromEnv = env.get(envName(name));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(name, fromEnv.strip());
            }
        }
        values.putAll(arguments(args));
        return new SimulatorOptions(
                values.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("port", "8089")),
                Long.parseLong(values.getOrDefault("latency-ms", "0")),
                Long.parseLong(values.getOrDefault("jitter-ms", "0")),
                Double.parseDouble(values.getOrDefault("decline-rate", "0")),
                Double.parseDouble(values.getOrDefault("failure-rate", "0")),
                Double.parseDouble(values.getOrDefault("timeout-rate", "0")),
                Long.parseLong(values.getOrDefault("timeout-sleep-ms", "30000")),
                optionalLong(values.get("seed")),
                optionalLong(values.get("parent-pid")));
    }

    private static OptionalLong optionalLong(String value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    static String envName(String option) {
        return "PAYSIM_" + option.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> arguments(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (equals >= 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return values;
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
        }
    }
}
