package za.voelgoed.platform.gateway;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Instant;
import java.util.Map;
import za.voelgoed.platform.http.Requests;

/** {@code GET /api/orgs/{orgId}/presence}: the organisation's connected scanners and consoles right now. */
public final class PresenceRoutes implements HttpService {

    private final Gateway gateway;

    public PresenceRoutes(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(Map.of("items", gateway.presence(Requests.uuidParam(req, "orgId")),
                "as_of", Instant.now())));
    }
}
