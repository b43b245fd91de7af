package za.voelgoed.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@code /api} with the bootstrap system-admin bearer token until per-org identities exist.
 * Comparison is constant-time so the token cannot be guessed byte by byte.
 */
public final class AdminTokenFilter implements Filter {

    private final byte[] token;

    public AdminTokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.path().path().startsWith("/api/")) {
            chain.proceed();
            return;
        }
        Optional<String> presented = bearer(req);
        if (presented.isEmpty()) {
            ProblemResponses.send(res, ApiException.unauthorized("missing bearer token").problem());
        } else if (!MessageDigest.isEqual(token, presented.get().getBytes(StandardCharsets.UTF_8))) {
            ProblemResponses.send(res, ApiException.unauthorized("invalid bearer token").problem());
        } else {
            chain.proceed();
        }
    }

    static Optional<String> bearer(RoutingRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
    }
}
