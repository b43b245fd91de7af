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
import za.voelgoed.platform.outbox.DispatchLog;

/**
 * Show routes under {@code /api/orgs/{orgId}/events}. The list is a snapshot: besides each show's {@code seq}
 * it gives the {@code offset} and {@code epoch} a client resumes the organisation's topics from after it.
 */
public final class EventRoutes implements HttpService {

    private final Events events;
    private final IdempotencyKeys keys;
    private final DispatchLog log;

    public EventRoutes(Events events, IdempotencyKeys keys, DispatchLog log) {
        this.events = events;
        this.keys = keys;
        this.log = log;
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
            UUID org = Requests.uuidParam(req, "orgId");
            // the point first, then the state: the list reflects every event up to the point's offset
            DispatchLog.Point point = log.point(org);
            java.time.Instant asOf = java.time.Instant.now();
            res.send(Map.of("items", events.list(org, limit), "as_of", asOf, "offset", point.offset(),
                    "epoch", point.epoch()));
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
