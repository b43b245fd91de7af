package za.voelgoed.platform.telemetry;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import za.voelgoed.shared.json.Json;

/**
 * {@code /metrics} (Prometheus text) and {@code /health}: liveness is the process answering; readiness
 * (also served at {@code /health}) fails with 503 as soon as PostgreSQL or Redis does not answer.
 */
public final class ObservabilityRoutes implements HttpService {

    private final Telemetry telemetry;
    private final Map<String, BooleanSupplier> readinessChecks;

    public ObservabilityRoutes(Telemetry telemetry, Map<String, BooleanSupplier> readinessChecks) {
        this.telemetry = telemetry;
        this.readinessChecks = Map.copyOf(readinessChecks);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(telemetry.scrape());
        });
        rules.get("/health/live", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send("{\"status\":\"UP\"}");
        });
        rules.get("/health", (req, res) -> readiness(res));
        rules.get("/health/ready", (req, res) -> readiness(res));
    }

    private void readiness(io.helidon.webserver.http.ServerResponse res) {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, BooleanSupplier> check : new java.util.TreeMap<>(readinessChecks).entrySet()) {
            boolean ok = check.getValue().getAsBoolean();
            checks.put(check.getKey(), ok ? "UP" : "DOWN");
            up &= ok;
        }
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(Map.of("status", up ? "UP" : "DOWN", "checks", checks)));
    }
}
