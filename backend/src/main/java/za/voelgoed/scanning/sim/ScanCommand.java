package za.voelgoed.scanning.sim;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "scan", sortOptions = false,
        description = {"A gate of scanning devices against a backend, over its public HTTP API; online devices hold a WebSocket"
                + " to their session (the console lists them online) and the summary counts what it pushed them.",
                "Run as: java -jar backend.jar scan --org <uuid> --event <uuid> (--codes <file> | --buy <n>) [options]"},
        footer = {"%nExit codes: 0 done, 2 usage error, 4 token refused (401/403/404), 5 request rejected (other 4xx),",
                "6 backend unreachable or 5xx, 70 a bug. Errors go to stderr as 'error: <sentence>'."})
final class ScanCommand implements Callable<Integer> {

    private static final int MAX_DEVICES = 200;
    private static final int MAX_BATCH = 1_000;
    private static final int MAX_BUY = 100_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ScanOptions options;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Handed in rather than read from the process, so that tests choose them. */
    private final Map<String, String> environment;
    private final InputStream stdin;

    ScanCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        check();
        String base = baseUrl();
        String token = firstPresent(options.token, environment.get(ScanOptions.TOKEN_VARIABLE));
        if (token == null && (options.deviceTokens.isEmpty() || options.buy != null)) {
            throw new ParameterException(spec.commandLine(), "give --token (or set " + ScanOptions.TOKEN_VARIABLE
                    + ")" + (options.buy != null ? " to buy tickets" : ", or --device-token for each device"));
        }
        PrintWriter out = spec.commandLine().getOut();
        GateClient staff = token == null ? null : new GateClient(base, options.org, token);
        List<UUID> made = new ArrayList<>();
        try {
            if (staff != null) {
                staff.session();
            }
            List<String> codes = codes(staff, out);
            List<String> deviceTokens = options.deviceTokens.isEmpty() ? makeDevices(staff, made) : options.deviceTokens;
            new SimRun(options, base, out).run(ScanPlan.of(codes, options.repeatShare, options.seed), deviceTokens);
            return 0;
        } finally {
            if (staff != null) {
                // the simulator's device tokens count against the organisation's live-token limit
                made.forEach(staff::revokeToken);
                staff.close();
            }
        }
    }

    private List<String> codes(GateClient staff, PrintWriter out) {
        if (options.buy == null) {
            List<String> codes = CodeSource.read(options.codes, stdin);
            if (codes.isEmpty()) {
                throw new SimFailure(SimFailure.REJECTED, "no codes in " + options.codes);
            }
            return codes;
        }
        out.println("buying " + options.buy + " tickets of type '" + options.ticketType + "'");
        List<String> codes = CodeSource.buy(staff, options.event, options.ticketType, options.buy);
        if (options.saveCodes != null) {
            CodeSource.save(codes, options.saveCodes, out);
        }
        return codes;
    }

    private List<String> makeDevices(GateClient staff, List<UUID> made) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= options.devices; i++) {
            UUID device = staff.createDevice(options.gate + " sim " + i);
            GateClient.DeviceToken issued = staff.createDeviceToken(device, options.org);
            made.add(issued.tokenId());
            tokens.add(issued.token());
        }
        return tokens;
    }

    private void check() {
        require((options.codes == null) != (options.buy == null), "give either --codes or --buy");
        require(options.buy == null || options.buy >= 1 && options.buy <= MAX_BUY, "--buy must be 1 to " + MAX_BUY);
        require(options.saveCodes == null || options.buy != null, "--save-codes saves what --buy bought");
        require(!options.deviceTokens.isEmpty() || options.devices >= 1 && options.devices <= MAX_DEVICES,
                "--devices must be 1 to " + MAX_DEVICES);
        require(options.batch >= 1 && options.batch <= MAX_BATCH, "--batch must be 1 to " + MAX_BATCH);
        require(options.repeatShare >= 0 && options.repeatShare <= 1, "--repeat-share must be 0 to 1");
        require(options.rate >= 0 && options.duration >= 0, "--rate and --duration must not be negative");
        require(!options.gate.isBlank() && options.gate.length() <= 100, "--gate must be 1 to 100 characters");
    }

    private void require(boolean holds, String problem) {
        if (!holds) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private String baseUrl() {
        String given = firstPresent(options.backend, environment.get(ScanOptions.URL_VARIABLE));
        String url = (given == null ? ScanOptions.LOCAL_URL : given).replaceAll("/+$", "");
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // refused below like any other unusable URL
        }
        throw new ParameterException(spec.commandLine(), "--backend must be an http(s) URL such as "
                + ScanOptions.LOCAL_URL);
    }

    private static String firstPresent(String given, String fromEnvironment) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }
}
