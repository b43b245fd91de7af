package za.voelgoed.platform.telemetry;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import za.voelgoed.platform.http.Requests;

/**
 * {@code GET /api/orgs/{orgId}/telemetry}: the organisation's {@link OrgTelemetrySnapshot} across every node.
 * The access policy lets every role of the organisation read it (viewers too) and hides it from others.
 */
public final class TelemetryRoutes implements HttpService {

    private final OrgTelemetry telemetry;

    public TelemetryRoutes(OrgTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(telemetry.snapshot(Requests.uuidParam(req, "orgId"))));
    }
}
