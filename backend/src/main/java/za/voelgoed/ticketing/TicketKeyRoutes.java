package za.voelgoed.ticketing;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Idempotent;
import za.voelgoed.platform.http.IdempotencyKeys;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.outbox.Actor;

/**
 * Under {@code /api/orgs/{orgId}/ticket-keys}: {@code GET /} (the public keys scanners verify the
 * organisation's ticket codes with), {@code POST /rotate} and {@code POST /{keyId}/retire} (owners only,
 * see the access policy). No answer ever carries private key material.
 */
public final class TicketKeyRoutes implements HttpService {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private final TicketKeys ticketKeys;
    private final IdempotencyKeys idempotency;

    public TicketKeyRoutes(TicketKeys ticketKeys, IdempotencyKeys idempotency) {
        this.ticketKeys = ticketKeys;
        this.idempotency = idempotency;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(Map.of("items", ticketKeys.verifying(actor(req), org(req)))));
        rules.post("/rotate", (req, res) -> {
            String body = Requests.text(req);
            Idempotent.respond(idempotency, req, res, org(req), body, Status.CREATED_201, () ->
                    ticketKeys.rotate(actor(req), org(req)));
        });
        rules.post("/{keyId}/retire", (req, res) -> res.send(ticketKeys.retire(actor(req), org(req), keyId(req))));
    }

    /** A key id as codes spell it; anything else names no key (and is not echoed back). */
    private static String keyId(ServerRequest req) {
        String raw = req.path().pathParameters().get("keyId");
        if (raw == null || !KEY_ID.matcher(raw).matches()) {
            throw ApiException.notFound("ticket_key_not_found", "no such ticket key");
        }
        return raw;
    }

    private static Actor actor(ServerRequest req) {
        return AccessFilter.principal(req).actor(req.remotePeer().host());
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }
}
