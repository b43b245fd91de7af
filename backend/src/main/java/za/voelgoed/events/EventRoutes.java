package za.voelgoed.events;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Idempotent;
import za.voelgoed.platform.http.IdempotencyKeys;
import za.voelgoed.platform.http.Requests;
import java.util.UUID;
import io.helidon.webserver.http.ServerRequest;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.outbox.Actor;

/** Show routes under {@code /api/orgs/{orgId}/events}. */
public final class EventRoutes implements HttpService {

    private final Events events;
    private final IdempotencyKeys keys;

    public EventRoutes(Events events, IdempotencyKeys keys) {
        this.events = events;
        this.keys = keys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", (req, res) -> {
            String body = Requests.text(req);
            UUID org = Requests.uuidParam(req, "orgId");
            Idempotent.respond(keys, req, res, org, body, Status.CREATED_201, () ->
                    events.create(actor(req), org, Requests.parse(body, Events.NewEvent.class)));
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
