package za.voelgoed.scanning.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The options of {@code scan}; checked by {@link ScanCommand} before the first request. */
final class ScanOptions {

    enum Mode { ONLINE, OFFLINE, MIXED }

    static final String URL_VARIABLE = "VOELGOED_URL";
    static final String TOKEN_VARIABLE = "VOELGOED_TOKEN";
    static final String LOCAL_URL = "http://127.0.0.1:8080";

    @Option(names = "--backend", paramLabel = "<url>",
            description = "Backend base URL. Default: $" + URL_VARIABLE + ", else " + LOCAL_URL)
    String backend;

    @Option(names = "--token", paramLabel = "<token>",
            description = "Owner or admin token: makes the devices and their tokens (revoked at the end); staff"
                    + " may buy (--buy) but not make devices. Default: $" + TOKEN_VARIABLE)
    String token;

    @Option(names = "--device-token", paramLabel = "<token>",
            description = "A device token to scan with (repeatable); one device each, instead of making devices.")
    List<String> deviceTokens = new ArrayList<>();

    @Option(names = "--org", paramLabel = "<uuid>", required = true, description = "Organisation id.")
    UUID org;

    @Option(names = "--event", paramLabel = "<uuid>", required = true, description = "The show scanned.")
    UUID event;

    @Option(names = "--gate", paramLabel = "<name>", defaultValue = "Sim gate", description = "Gate name. Default: ${DEFAULT-VALUE}")
    String gate;

    @Option(names = "--devices", paramLabel = "<n>", defaultValue = "4", description = "Devices (1 to 200). Default: ${DEFAULT-VALUE}")
    int devices;

    @Option(names = "--codes", paramLabel = "<file>", description = "Ticket codes, one a line; '-' reads stdin.")
    String codes;

    @Option(names = "--buy", paramLabel = "<n>",
            description = "Buy n tickets of --ticket-type first (holds + orders, test card) and scan their codes.")
    Integer buy;

    @Option(names = "--ticket-type", paramLabel = "<code>", defaultValue = "ga", description = "Type --buy buys. Default: ${DEFAULT-VALUE}")
    String ticketType;

    @Option(names = "--save-codes", paramLabel = "<file>", description = "Write the codes --buy bought here.")
    String saveCodes;

    @Option(names = "--rate", paramLabel = "<scans/s>", defaultValue = "0",
            description = "Scans a second over all devices; 0 (default) = as fast as the backend answers.")
    double rate;

    @Option(names = "--duration", paramLabel = "<s>", defaultValue = "0",
            description = "Stop after this many seconds; 0 (default) = when every code was scanned.")
    int duration;

    @Option(names = "--repeat-share", paramLabel = "<0..1>", defaultValue = "0",
            description = "Share of codes scanned once more later (answered already_redeemed). Default: 0")
    double repeatShare;

    @Option(names = "--mode", paramLabel = "<mode>", defaultValue = "online",
            description = "online, offline (verify and admit on the device, upload later) or mixed (half each). Default: online")
    Mode mode;

    @Option(names = "--batch", paramLabel = "<n>", defaultValue = "1",
            description = "Online: scans per request (1 = POST /scans, more = /scans/batch). Offline: upload size"
                    + " (1 means 100). Default: 1")
    int batch;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "15", description = "Seed of the re-scan choice. Default: ${DEFAULT-VALUE}")
    long seed;

    /** Whether device {@code i} (from 0) works offline. */
    boolean offline(int i) {
        return mode == Mode.OFFLINE || mode == Mode.MIXED && i % 2 == 1;
    }
}
