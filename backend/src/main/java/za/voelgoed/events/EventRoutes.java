package za.voelgoed.events;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import io.helidon.webserver.http.ServerRequest;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.outbox.Actor;

/** Show routes under {@code /api/orgs/{orgId}/events}. */
public final class EventRoutes implements HttpService {

    private final Events events;

    public EventRoutes(Events events) {
        this.events = events;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", (req, res) -> {
            var input = Requests.body(req, Events.NewEvent.class);
            res.status(Status.CREATED_201).send(events.create(actor(req), Requests.uuidParam(req, "orgId"), input));
        });
        rules.get("/", (req, res) -> {
            int limit = Requests.intQuery(req, "limit", 100);
            if (limit < 1 || limit > 500) {
                throw ApiException.badRequest("invalid_query", "limit must be between 1 and 500");
            }
            java.time.Instant asOf = java.time.Instant.now();
            res.send(Map.of("items", events.list(Requests.uuidParam(req, "orgId"), limit), "as_of", asOf));
        });
        rules.get("/{eventId}", (req, res) -> res.send(
                events.require(Requests.uuidParam(req, "orgId"), Requests.uuidParam(req, "eventId"))));
        rules.post("/{eventId}/publish", (req, res) -> res.send(events.publish(actor(req),
                Requests.uuidParam(req, "orgId"), Requests.uuidParam(req, "eventId"))));
    }

    private static Actor actor(ServerRequest req) {
        return AccessFilter.principal(req).actor(req.remotePeer().host());
    }
}
