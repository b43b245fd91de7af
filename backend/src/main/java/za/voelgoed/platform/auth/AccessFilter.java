package za.voelgoed.platform.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Problem;
import za.voelgoed.platform.http.ProblemResponses;
import za.voelgoed.platform.ratelimit.RateLimiter;

/**
 * Authenticates every {@code /api} request and applies the {@link AccessPolicy} before any handler runs;
 * the principal is then in the request context for handlers ({@link #principal}).
 */
public final class AccessFilter implements Filter {

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final AccessPolicy policy = new AccessPolicy();

    public AccessFilter(Authenticator authenticator, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            chain.proceed();
            return;
        }
        Optional<String> token = bearer(req);
        if (token.isEmpty()) {
            ProblemResponses.send(res, ApiException.unauthorized("missing bearer token").problem());
            return;
        }
        Optional<Principal> who = authenticator.authenticate(token.get());
        if (who.isEmpty()) {
            ProblemResponses.send(res, ApiException.unauthorized("unknown, expired or revoked token").problem());
            return;
        }
        RateLimiter.Verdict verdict = rateLimiter.tryAcquire(subject(who.get()));
        if (!verdict.allowed()) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString((verdict.retryAfterMs() + 999) / 1000));
            ProblemResponses.send(res, Problem.of(429, "rate_limited", "Too many requests",
                    "this token is over its request rate; retry after the Retry-After delay", java.util.List.of()));
            return;
        }
        AccessPolicy.Decision decision = policy.check(who.get(), req.prologue().method().text(), path);
        if (!decision.allowed()) {
            ProblemResponses.send(res, Problem.of(decision.status(), decision.code(),
                    decision.status() == 404 ? "Not found" : "Forbidden", decision.detail(), java.util.List.of()));
            return;
        }
        req.context().register(who.get());
        chain.proceed();
    }

    /** What a principal is counted as by rate limits: its token, or the bootstrap admin. */
    public static String subject(Principal who) {
        return who.admin() ? "admin" : who.tokenId().toString();
    }

    /** The principal the filter authenticated for this request. */
    public static Principal principal(ServerRequest req) {
        return req.context().get(Principal.class)
                .orElseThrow(() -> ApiException.unauthorized("request was not authenticated"));
    }

    /** The bearer token of an {@code Authorization} header value, if it carries one. */
    public static Optional<String> bearerOf(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Optional<String> bearer(RoutingRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION).flatMap(AccessFilter::bearerOf);
    }
}
