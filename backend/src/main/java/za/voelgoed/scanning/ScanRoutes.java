package za.voelgoed.scanning;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.auth.Principal;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.outbox.Actor;

/**
 * Under {@code /api/orgs/{orgId}/scanning}: {@code POST /sessions} (devices and staff), {@code GET /sessions}
 * ({@code ?event_id=}), {@code GET /sessions/{id}}, {@code POST /sessions/{id}/close} (staff), {@code POST /scans}
 * and {@code POST /scans/batch} (up to 1,000 scans, answered in order), {@code GET /stats?event_id=} (a show's scan
 * counts, ADR 0023), {@code GET} and {@code PUT /shows/{eventId}/settings} (a show's re-entry and doors time, ADR
 * 0024; changed by staff, not devices), {@code GET /tickets?event_id=&q=} (the check-in desk's search by order id
 * or customer name/e-mail; not for devices). */
public final class ScanRoutes implements HttpService {

    /** Body of the batch route. */
    public record Batch(List<ScanRequest> scans) {
    }

    private final ScanSessions sessions;
    private final Scans scans;
    private final ScanCounters counters;
    private final ScanSettings settings;
    private final TicketSearch search;

    ScanRoutes(ScanSessions sessions, Scans scans, ScanCounters counters, ScanSettings settings,
               TicketSearch search) {
        this.sessions = sessions;
        this.scans = scans;
        this.counters = counters;
        this.settings = settings;
        this.search = search;    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/sessions", (req, res) -> res.status(Status.CREATED_201).send(sessions.open(actor(req), org(req),
                AccessFilter.principal(req).deviceId(), Requests.body(req, ScanSessions.NewSession.class))));
        rules.get("/sessions", (req, res) -> {
            UUID event = req.query().first("event_id").asOptional().map(v -> Requests.uuid(v, "event_id")).orElse(null);
            res.send(Map.of("items", sessions.list(org(req), event)));
        });
        rules.get("/sessions/{sessionId}", (req, res) -> res.send(sessions.find(org(req), session(req))
                .orElseThrow(() -> ApiException.notFound("session_not_found", "no such scan session"))));
        rules.post("/sessions/{sessionId}/close", (req, res) -> {
            if (AccessFilter.principal(req).isDevice()) {
                throw ApiException.forbidden("staff close scan sessions, not devices");
            }
            res.send(sessions.close(actor(req), org(req), session(req)));
        });
        rules.get("/stats", (req, res) -> {
            String raw = req.query().first("event_id").asOptional()
                    .orElseThrow(() -> ApiException.badRequest("invalid_id", "event_id is required"));
            res.send(counters.snapshot(org(req), Requests.uuid(raw, "event_id")));
        });
        rules.get("/shows/{eventId}/settings", (req, res) -> res.send(settings.get(org(req),
                Requests.uuidParam(req, "eventId"))));
        rules.put("/shows/{eventId}/settings", (req, res) -> {
            Principal who = AccessFilter.principal(req);
            if (who.isDevice()) {
                throw ApiException.forbidden("staff change a show's scanning settings, not devices");
            }
            UUID event = Requests.uuidParam(req, "eventId");
            res.send(settings.put(who.actor(req.remotePeer().host()), org(req), event,
                    Requests.body(req, ScanSettings.Input.class)));
        });
        rules.get("/tickets", (req, res) -> {
            if (AccessFilter.principal(req).isDevice()) {
                throw ApiException.forbidden("the ticket search is for people at a desk, not devices");
            }
            res.send(Map.of("items", search.search(org(req), req.query().first("event_id").asOptional().orElse(null),
                    req.query().first("q").asOptional().orElse(null))));        });
        rules.post("/scans/batch", (req, res) -> {
            Batch batch = Requests.body(req, Batch.class);
            res.send(Map.of("results", scans.batch(scanner(req), org(req), batch.scans())));
        });
        rules.post("/scans", (req, res) -> res.send(scans.scan(scanner(req), org(req),
                Requests.body(req, ScanRequest.class))));
    }

    private static Scans.Scanner scanner(ServerRequest req) {
        Principal who = AccessFilter.principal(req);
        return new Scans.Scanner(who.actor(req.remotePeer().host()), who.deviceId());
    }

    private static Actor actor(ServerRequest req) {
        return AccessFilter.principal(req).actor(req.remotePeer().host());
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }

    private static UUID session(ServerRequest req) {
        return Requests.uuidParam(req, "sessionId");
    }
}
