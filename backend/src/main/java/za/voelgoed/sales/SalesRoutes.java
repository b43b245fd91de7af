package za.voelgoed.sales;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import za.voelgoed.platform.http.Requests;

/**
 * The live-sales routes under {@code /api/orgs/{orgId}}: {@code GET /sales} and
 * {@code GET /events/{eventId}/sales}. Reads, so a viewer may use them (the access policy decides).
 */
public final class SalesRoutes implements HttpService {

    private final Sales sales;

    public SalesRoutes(Sales sales) {
        this.sales = sales;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sales", (req, res) -> res.send(sales.ofOrg(Requests.uuidParam(req, "orgId"))));
        rules.get("/events/{eventId}/sales", (req, res) -> res.send(sales.ofEvent(Requests.uuidParam(req, "orgId"),
                Requests.uuidParam(req, "eventId"))));
    }
}
