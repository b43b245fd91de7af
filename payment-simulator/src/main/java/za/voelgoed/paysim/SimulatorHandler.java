package za.voelgoed.paysim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP edge: injected latency and 503s, the {@code Idempotency-Key} contract on every POST, late
 * answers for timed-out operations, and one log line per request.
 */
final class SimulatorHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SimulatorHandler.class.getName());
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_KEY = 255;

    private final PaymentApi api;
    private final IdempotencyStore idempotency;
    private final Chaos chaos;
    private final SimulatorOptions options;
    private final RequestLog log;

    SimulatorHandler(PaymentApi api, IdempotencyStore idempotency, Chaos chaos, SimulatorOptions options,
                     RequestLog log) {
        this.api = api;
        this.idempotency = idempotency;
        this.chaos = chaos;
        this.options = options;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Answer answer;
        try {
            answer = answer(exchange, method, path, key);
        } catch (SimulatorException e) {
            answer = new Answer(e.toResponse(), false, "none");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(Response.error(503, "shutting_down", "the simulator is stopping"), false, "none");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "unhandled error on " + method + " " + path, e);
            answer = new Answer(Response.error(500, "internal_error", "the simulator failed"), false, "none");
        }
        try (exchange) {
            send(exchange, answer);
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            log.request(method, path, answer.response().status(), ms, key, answer.replayed(), answer.fault());
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, String key) throws IOException,
            InterruptedException {
        if (method.equals("GET") && path.equals("/v1/health")) {
            return new Answer(Response.json(200, Map.of("status", "ok")), false, "none");
        }
        Thread.sleep(chaos.latencyMs());
        if (chaos.fails()) {
            return new Answer(Response.error(503, "service_unavailable", "injected failure; nothing was done"),
                    false, "failure");
        }
        return switch (method) {
            case "GET" -> new Answer(api.get(path, query(exchange)), false, "none");
            case "POST" -> post(path, key, body(exchange));
            default -> throw new SimulatorException(405, "method_not_allowed", method + " is not supported");
        };
    }

    private Answer post(String path, String key, byte[] body) throws InterruptedException {
        if (key == null || key.isBlank()) {
            throw SimulatorException.badRequest("missing_idempotency_key", "every POST needs an Idempotency-Key");
        }
        if (key.length() > MAX_KEY) {
            throw SimulatorException.badRequest("invalid_idempotency_key", "Idempotency-Key is over 255 characters");
        }
        IdempotencyStore.Outcome outcome = idempotency.run(key, "POST", path, body, () -> api.post(path, body));
        // the operation is done and kept; only its answer is late, as when a provider's reply is lost
        if (!outcome.replayed() && chaos.timesOut()) {
            Thread.sleep(options.timeoutSleepMs());
            return new Answer(outcome.response(), false, "timeout");
        }
        return new Answer(outcome.response(), outcome.replayed(), "none");
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.response().body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(answer.response().status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw SimulatorException.badRequest("body_too_large", "the body is over 64 KiB");
            }
            return bytes;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    /** What to send, whether it repeats a kept answer, and which fault (if any) was injected. */
    private record Answer(Response response, boolean replayed, String fault) {
    }
}
