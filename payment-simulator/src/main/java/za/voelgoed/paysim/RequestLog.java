package za.voelgoed.paysim;

import java.io.PrintStream;
import java.util.regex.Pattern;
import za.voelgoed.shared.json.Json;

/**
 * One {@code key=value} line per request on stdout, e.g.
 * {@code payment_simulator_request method=POST path=/v1/authorizations status=201 ms=3 idempotency_key=o-1:auth
 * replayed=false fault=none}. Values that are not plain tokens are written as JSON strings. Paths and keys
 * only: bodies, which carry card data, are never logged.
 */
final class RequestLog {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@+\\-]+");

    private final PrintStream out;

    RequestLog(PrintStream out) {
        this.out = out;
    }

    void request(String method, String path, int status, long ms, String idempotencyKey, boolean replayed,
                 String fault) {
        String line = "payment_simulator_request method=" + method + " path=" + value(path) + " status=" + status
                + " ms=" + ms + " idempotency_key=" + value(idempotencyKey) + " replayed=" + replayed
                + " fault=" + fault;
        // println on a PrintStream is atomic per line; flushing keeps a reading parent process current
        out.println(line);
        out.flush();
    }

    private static String value(String raw) {
        if (raw == null) {
            return "-";
        }
        return PLAIN.matcher(raw).matches() ? raw : Json.write(raw);
    }
}
