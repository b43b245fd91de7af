package za.voelgoed.scanning;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.ticketing.TicketKeys;

/**
 * {@code GET /api/orgs/{orgId}/scanning/keys}: the organisation's public ticket-verifying keys (the items of
 * {@code GET …/ticket-keys}) under the scanning path, because device tokens reach only {@code /scanning}: a scanner
 * fetches them once and verifies codes with them while offline. No answer carries private key material.
 */
final class ScanKeyRoutes implements HttpService {

    private final TicketKeys keys;

    ScanKeyRoutes(TicketKeys keys) {
        this.keys = keys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(Map.of("items", keys.verifying(actor(req), org(req)))));
    }

    private static Actor actor(ServerRequest req) {
        return AccessFilter.principal(req).actor(req.remotePeer().host());
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }
}
