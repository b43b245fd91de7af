package za.voelgoed.identity;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.auth.Principal;

/**
 * {@code GET /api/session}: who the bearer token is and which API this backend speaks. Clients such as the
 * console check a token with it before they keep it, and refuse a backend of another API version with a
 * sentence rather than a stream of parse errors.
 */
public final class SessionRoutes implements HttpService {

    /** Raised when a route changes incompatibly; additive changes keep it. */
    public static final int API_VERSION = 1;

    /** The answer; {@code organizationId} and {@code role} are null for the system admin. */
    public record Session(int apiVersion, String serverVersion, boolean admin, UUID organizationId, String role) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(describe(AccessFilter.principal(req))));
    }

    static Session describe(Principal who) {
        String version = SessionRoutes.class.getPackage().getImplementationVersion();
        return new Session(API_VERSION, version == null ? "development" : version, who.admin(), who.organizationId(),
                who.role() == null ? null : who.role().wire());
    }
}
