package za.voelgoed.seating;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Idempotent;
import za.voelgoed.platform.http.IdempotencyKeys;
import za.voelgoed.platform.http.Problem;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.shared.json.Json;

/**
 * Holds and availability under {@code /api/orgs/{orgId}/events/{eventId}}: {@code POST /holds},
 * {@code GET|DELETE /holds/{holdId}}, {@code POST /holds/{holdId}/extend}, {@code GET /availability},
 * and the inventory upkeep routes {@code POST /inventory/rebuild} and {@code POST /inventory/drift}.
 */
public final class SeatingRoutes implements HttpService {

    private final Seating seating;
    private final IdempotencyKeys keys;

    public SeatingRoutes(Seating seating, IdempotencyKeys keys) {
        this.seating = seating;
        this.keys = keys;
    }

    /** Body of the extend route: how many seconds from now (capped by the show's maximum). */
    public record ExtendRequest(Integer seconds) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/holds", this::hold);
        rules.get("/holds/{holdId}", (req, res) -> res.send(view(found(seating.findHold(org(req), hold(req))))));
        rules.delete("/holds/{holdId}", (req, res) -> {
            if (!seating.release(actor(req), org(req), hold(req))) {
                throw ApiException.conflict("hold_not_active", "hold is not active");
            }
            res.status(Status.NO_CONTENT_204).send();
        });
        rules.post("/holds/{holdId}/extend", (req, res) -> {
            ExtendRequest body = Requests.body(req, ExtendRequest.class);
            int seconds = body.seconds() == null ? 600 : body.seconds();
            if (seconds < 30 || seconds > 7200) {
                throw ApiException.invalid(java.util.List.of(new Problem.FieldError("seconds", "must be between 30 and 7200")));
            }
            res.send(view(seating.extend(actor(req), org(req), hold(req), seconds)));
        });
        rules.post("/seats/allocation", (req, res) -> {
            Seating.Allocation body = Requests.body(req, Seating.Allocation.class);
            try {
                res.send(Map.of("changed", seating.allocate(actor(req), org(req), event(req), body)));
            } catch (SeatsTakenException taken) {
                sendTaken(res, taken);
            }
        });
        rules.get("/availability", (req, res) -> res.send(seating.availability(org(req), event(req))));
        rules.post("/inventory/rebuild", (req, res) -> {
            seating.availability(org(req), event(req));
            seating.rebuild(event(req));
            res.send(Map.of("rebuilt", true));
        });
        rules.post("/inventory/drift", (req, res) -> {
            seating.availability(org(req), event(req));
            res.send(seating.checkDrift(org(req), event(req)));
        });
    }

    private void hold(ServerRequest req, ServerResponse res) {
        String text = Requests.text(req);
        try {
            Idempotent.respond(keys, req, res, org(req), text, Status.CREATED_201, () ->
                    view(seating.hold(actor(req), org(req), event(req), Requests.parse(text, HoldRequest.class))));
        } catch (SeatsTakenException taken) {
            sendTaken(res, taken);
        }
    }

    /** 409 as problem+json with the seats that were not free. */
    private static void sendTaken(ServerResponse res, SeatsTakenException taken) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:voelgoed:problem:seats_taken");
        problem.put("title", "Seats not available");
        problem.put("status", 409);
        problem.put("detail", taken.getMessage());
        problem.put("code", "seats_taken");
        problem.put("seats", taken.seats());
        res.status(Status.CONFLICT_409).header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE).send(Json.write(problem));
    }

    private Map<String, Object> view(Hold hold) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", hold.id());
        view.put("event_id", hold.eventId());
        view.put("status", hold.status());
        view.put("expires_at", hold.expiresAt());
        view.put("seats", seating.seatIds(hold));
        view.put("quantity", hold.quantity());
        if (hold.ticketType() != null) {
            view.put("ticket_type", hold.ticketType());
        }
        return view;
    }

    private static Hold found(java.util.Optional<Hold> hold) {
        return hold.orElseThrow(() -> ApiException.notFound("hold_not_found", "no such hold"));
    }

    private static Actor actor(ServerRequest req) {
        return AccessFilter.principal(req).actor(req.remotePeer().host());
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }

    private static UUID event(ServerRequest req) {
        return Requests.uuidParam(req, "eventId");
    }

    private static UUID hold(ServerRequest req) {
        return Requests.uuidParam(req, "holdId");
    }
}
