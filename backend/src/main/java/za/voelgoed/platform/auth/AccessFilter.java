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
 * the principal is then in the request context for handlers ({@link #principal}). Limits come first: a
 * client address over its budget of requests without a valid token is refused before its token is even
 * looked up; a valid token is held to its own rate and to its organisation's.
 */
public final class AccessFilter implements Filter {

    /** The REST limits: per token, per organisation, and per client address for requests without a valid token. */
    public record Limits(RateLimiter perToken, RateLimiter perOrg, RateLimiter unauthenticated) {
    }

    private final Authenticator authenticator;
    private final Limits limits;
    private final AccessPolicy policy = new AccessPolicy();

    public AccessFilter(Authenticator authenticator, Limits limits) {
        this.authenticator = authenticator;
        this.limits = limits;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            chain.proceed();
            return;
        }
        String address = req.remotePeer().host();
        Optional<String> token = bearer(req);
        // a token recognised from memory costs nothing to check; anything else is paid for by its address
        boolean known = token.isPresent() && authenticator.recognises(token.get());
        if (!known && refused(res, limits.unauthenticated().check(address), "this address sent too many requests"
                + " without a valid token")) {
            return;
        }
        Optional<Principal> who = token.flatMap(authenticator::authenticate);
        if (who.isEmpty()) {
            limits.unauthenticated().tryAcquire(address);
            ProblemResponses.send(res, ApiException.unauthorized(token.isEmpty() ? "missing bearer token"
                    : "unknown, expired or revoked token").problem());
            return;
        }
        if (refused(res, limits.perToken().tryAcquire(subject(who.get())), "this token is over its request rate")
                || !who.get().admin() && refused(res, limits.perOrg().tryAcquire(who.get().organizationId().toString()),
                "this organisation is over its request rate")) {
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

    private static boolean refused(RoutingResponse res, RateLimiter.Verdict verdict, String why) {
        if (verdict.allowed()) {
            return false;
        }
        res.header(HeaderNames.RETRY_AFTER, Long.toString((verdict.retryAfterMs() + 999) / 1000));
        ProblemResponses.send(res, Problem.of(429, "rate_limited", "Too many requests",
                why + "; retry after the Retry-After delay", java.util.List.of()));
        return true;
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
