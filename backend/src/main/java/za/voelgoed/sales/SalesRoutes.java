package za.voelgoed.sales;

import io.helidon.webserver.http.HttpService;
import za.voelgoed.platform.http.Requests;

/**
 * The live-sales routes: {@link #ORG} ({@code GET}) and {@link #EVENT} ({@code GET}), each mounted at its own
 * path. Reads, so a viewer may use them (the access policy decides).
 */
final class SalesRoutes {

    static final String ORG = "/api/orgs/{orgId}/sales";
    static final String EVENT = "/api/orgs/{orgId}/events/{eventId}/sales";

    private SalesRoutes() {
    }

    static HttpService ofOrg(Sales sales) {
        return rules -> rules.get("/", (req, res) -> res.send(sales.ofOrg(Requests.uuidParam(req, "orgId"))));
    }

    static HttpService ofEvent(Sales sales) {
        return rules -> rules.get("/", (req, res) -> res.send(sales.ofEvent(Requests.uuidParam(req, "orgId"),
                Requests.uuidParam(req, "eventId"))));
    }
}
