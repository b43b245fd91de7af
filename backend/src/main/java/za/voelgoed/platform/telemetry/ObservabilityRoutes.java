package za.voelgoed.platform.telemetry;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.shared.json.Json;

/**
 * {@code /metrics} (Prometheus text) and {@code /health}: liveness is the process answering; readiness
 * (also served at {@code /health}) fails with 503 as soon as PostgreSQL or Redis does not answer. The
 * metrics name every tenant, so the public port serves them only to a scraper holding the metrics token;
 * the management port (loopback by default) serves them to anyone who can reach it.
 */
public final class ObservabilityRoutes {

    private final Telemetry telemetry;
    private final Map<String, BooleanSupplier> readinessChecks;

    public ObservabilityRoutes(Telemetry telemetry, Map<String, BooleanSupplier> readinessChecks) {
        this.telemetry = telemetry;
        this.readinessChecks = Map.copyOf(readinessChecks);
    }

    /** Health for load balancers; metrics only with {@code Authorization: Bearer <metricsToken>}. */
    public HttpService publicRoutes(Optional<String> metricsToken) {
        return rules -> {
            health(rules);
            metricsToken.ifPresent(token -> rules.get("/metrics", (req, res) -> {
                if (!holds(req, token)) {
                    throw ApiException.notFound("not_found", "there is no such route");
                }
                scrape(res);
            }));
        };
    }

    /** Everything, for the management listener. */
    public HttpService managementRoutes() {
        return rules -> {
            health(rules);
            rules.get("/metrics", (req, res) -> scrape(res));
        };
    }

    private void health(HttpRules rules) {
        rules.get("/health/live", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send("{\"status\":\"UP\"}");
        });
        rules.get("/health", (req, res) -> readiness(res));
        rules.get("/health/ready", (req, res) -> readiness(res));
    }

    private void scrape(ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        res.send(telemetry.scrape());
    }

    private static boolean holds(ServerRequest req, String token) {
        Optional<String> bearer = req.headers().first(HeaderNames.AUTHORIZATION).flatMap(AccessFilter::bearerOf);
        return bearer.isPresent() && MessageDigest.isEqual(bearer.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private void readiness(ServerResponse res) {
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
