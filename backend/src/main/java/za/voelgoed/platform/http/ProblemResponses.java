package za.voelgoed.platform.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import za.voelgoed.shared.json.Json;

/**
 * Turns every failure of a request into an {@code application/problem+json} response: our refusals
 * ({@link ApiException}), the server's own HTTP answers (no route: 404, wrong method: 405) and failures
 * before routing (a body over the limit: 413, a request the parser refuses: 400). Only a real fault is
 * logged with its stack trace; a client's mistake is an answer, not an incident.
 */
public final class ProblemResponses {

    private static final System.Logger LOG = System.getLogger(ProblemResponses.class.getName());

    private ProblemResponses() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e.problem()));
        routing.error(HttpException.class, (req, res, e) -> {
            if (e.status().code() >= 500) {
                LOG.log(Level.ERROR, "http_error status=" + e.status().code() + " on "
                        + req.prologue().method().text() + " " + req.path().path(), e);
            }
            send(res, forStatus(e.status()));
        });
        routing.error(Exception.class, (req, res, e) -> {
            LOG.log(Level.ERROR, "unhandled error on " + req.prologue().method().text() + " "
                    + req.path().path(), e);
            send(res, internalError());
        });
    }

    /** Problem bodies for what the server answers before any route runs. */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, ProblemResponses::direct);
        }
        return handlers.build();
    }

    private static DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request,
                                                          DirectHandler.EventType type, Status status,
                                                          io.helidon.http.ServerResponseHeaders headers,
                                                          String message) {
        Status answered = type == DirectHandler.EventType.OTHER ? status : type.defaultStatus();
        return DirectHandler.TransportResponse.builder()
                .status(answered)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .entity(Json.write(forStatus(answered)))
                .keepAlive(type.keepAlive())
                .build();
    }

    /** Our stable code and sentence for a status the server answered by itself. */
    static Problem forStatus(Status status) {
        int code = status.code();
        return switch (code) {
            case 400 -> Problem.of(400, "bad_request", "Bad request", "the request could not be read", List.of());
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "this request is not allowed", List.of());
            case 404 -> Problem.of(404, "not_found", "Not found", "there is no such route", List.of());
            case 405 -> Problem.of(405, "method_not_allowed", "Method not allowed",
                    "this route does not take that method", List.of());
            case 413 -> Problem.of(413, "payload_too_large", "Payload too large",
                    "the request body is over the server's limit", List.of());
            case 415 -> Problem.of(415, "unsupported_media_type", "Unsupported media type",
                    "send application/json", List.of());
            case 505 -> Problem.of(505, "http_version_not_supported", "HTTP version not supported",
                    "use HTTP/1.1", List.of());
            default -> code >= 500 ? internalError()
                    : Problem.of(code, "http_" + code, status.reasonPhrase(), "the request was refused", List.of());
        };
    }

    private static Problem internalError() {
        return Problem.of(500, "internal_error", "Internal error",
                "the request failed on the server; it changed nothing", List.of());
    }

    public static void send(ServerResponse res, Problem problem) {
        res.status(Status.create(problem.status()));
        res.header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        res.send(Json.write(problem));
    }
}
