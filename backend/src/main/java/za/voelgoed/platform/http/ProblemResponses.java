package za.voelgoed.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import za.voelgoed.shared.json.Json;

/** Turns every failure of a request into an {@code application/problem+json} response. */
public final class ProblemResponses {

    private static final System.Logger LOG = System.getLogger(ProblemResponses.class.getName());

    private ProblemResponses() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e.problem()));
        routing.error(Exception.class, (req, res, e) -> {
            LOG.log(Level.ERROR, "unhandled error on " + req.prologue().method().text() + " "
                    + req.path().path(), e);
            send(res, Problem.of(500, "internal_error", "Internal error",
                    "the request failed on the server; it changed nothing", java.util.List.of()));
        });
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
