package za.voelgoed.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import za.voelgoed.orgs.Orgs;
import za.voelgoed.platform.auth.Authenticator;
import za.voelgoed.platform.auth.Principal;
import za.voelgoed.platform.auth.Role;
import za.voelgoed.platform.auth.TopicOwnership;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.shared.topic.InvalidTopicException;
import za.voelgoed.shared.topic.Topic;

/**
 * The identity slice's API: people, devices and tokens of an organisation, and the authenticator.
 * Authentication answers from a short-lived cache (2 s) so a busy API does not read PostgreSQL per
 * request; a revocation is immediate on the node that made it and reaches other nodes within that time.
 * A token's {@code last_used_at} is written when the cache is refilled and it is over an hour old: coarse,
 * and never a write per request.
 */
public final class Identities implements Authenticator {

    private static final long CACHE_NANOS = 2_000_000_000L;
    private static final Duration LAST_USED_GRAIN = Duration.ofHours(1);
    private static final Set<String> USER_ROLES = Set.of("owner", "staff", "viewer");

    private final DSLContext dsl;
    private final Orgs orgs;
    private final TopicOwnership ownership;
    private final AdminToken adminToken;
    private final TokenPolicy policy;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, long loadedAt) {
    }

    /** How long an org token may live at most (its default lifetime too), and how many live tokens an organisation may hold. */
    public record TokenPolicy(Duration maxLifetime, int maxLiveTokensPerOrg) {
    }

    public Identities(DSLContext dsl, Orgs orgs, TopicOwnership ownership, AdminToken adminToken, TokenPolicy policy) {
        this.dsl = dsl;
        this.orgs = orgs;
        this.ownership = ownership;
        this.adminToken = adminToken;
        this.policy = policy;
    }

    /** Input of {@code POST /api/orgs/{org}/users}. */
    public record NewUser(String email, String name, String role) {
    }

    /** Input of {@code POST /api/orgs/{org}/devices}. */
    public record NewDevice(String name) {
    }

    /** Input of {@code POST /api/orgs/{org}/tokens}. */
    public record NewToken(String role, List<String> scopes, UUID userId, UUID deviceId, String label, String expiresAt) {
    }

    /** The answer to a token creation: the only time the secret is shown. */
    public record IssuedToken(UUID id, String token, String role, List<String> scopes, Instant expiresAt) {
    }

    @Override
    public Optional<Principal> authenticate(String bearer) {
        if (adminToken.matches(bearer)) {
            return Optional.of(Principal.systemAdmin());
        }
        String hash = TokenSecrets.hash(bearer);
        Cached cached = fresh(hash);
        if (cached != null) {
            return Optional.of(cached.principal());
        }
        Optional<ApiToken> token = IdentityStore.liveTokenByHash(dsl, hash);
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(Instant.now().minus(LAST_USED_GRAIN)))
                .ifPresent(t -> IdentityStore.touch(dsl, t.id()));
        Optional<Principal> found = token.map(Identities::principalOf);
        found.ifPresentOrElse(p -> cache.put(hash, new Cached(p, System.nanoTime())), () -> cache.remove(hash));
        return found;
    }

    @Override
    public boolean recognises(String bearer) {
        return adminToken.matches(bearer) || fresh(TokenSecrets.hash(bearer)) != null;
    }

    private Cached fresh(String hash) {
        Cached cached = cache.get(hash);
        return cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS ? cached : null;
    }

    /** Those of the given token ids that can no longer be used (revoked or expired). */
    public Set<UUID> deadTokens(java.util.Collection<UUID> tokenIds) {
        return IdentityStore.deadAmong(dsl, tokenIds);
    }

    public Member createUser(UUID org, NewUser input) {
        orgs.require(org);
        new Validation().text(input.name(), "name", 1, 200)
                .require(input.email() != null && input.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email",
                        "must be an email address")
                .require(input.role() != null && USER_ROLES.contains(input.role()), "role",
                        "must be owner, staff or viewer").orThrow();
        String email = input.email().strip().toLowerCase(Locale.ROOT);
        return dsl.transactionResult(cfg -> {
            if (IdentityStore.emailTaken(cfg.dsl(), org, email)) {
                throw ApiException.conflict("email_taken", "a user with this email exists in the organisation");
            }
            return IdentityStore.insertUser(cfg.dsl(), org, email, input.name().strip(), input.role());
        });
    }

    public Member createDevice(UUID org, NewDevice input) {
        orgs.require(org);
        new Validation().text(input.name(), "name", 1, 200).orThrow();
        return IdentityStore.insertDevice(dsl, org, input.name().strip());
    }

    public List<Member> users(UUID org) {
        return IdentityStore.users(dsl, org);
    }

    public List<Member> devices(UUID org) {
        return IdentityStore.devices(dsl, org);
    }

    public List<ApiToken> tokens(UUID org) {
        return IdentityStore.tokens(dsl, org);
    }

    public IssuedToken createToken(UUID org, NewToken input, Principal creator) {
        orgs.require(org);
        TokenRequest request = validate(org, input);
        String secret = TokenSecrets.newSecret();
        ApiToken token = dsl.transactionResult(cfg -> {
            // the organisation's row lock serialises creations, so two at once cannot both take the last place
            IdentityStore.lockOrganization(cfg.dsl(), org);
            if (IdentityStore.liveTokenCount(cfg.dsl(), org) >= policy.maxLiveTokensPerOrg()) {
                throw ApiException.conflict("token_limit_reached", "the organisation holds its maximum of "
                        + policy.maxLiveTokensPerOrg() + " live tokens; revoke unused ones first");
            }
            return IdentityStore.insertToken(cfg.dsl(), request, TokenSecrets.hash(secret), creator.describe());
        });
        return new IssuedToken(token.id(), secret, token.role(), token.scopes(), token.expiresAt());
    }

    public void revokeToken(UUID org, UUID tokenId) {
        String hash = IdentityStore.revoke(dsl, org, tokenId)
                .orElseThrow(() -> ApiException.notFound("token_not_found", "no live token " + tokenId));
        cache.remove(hash);
    }

    private TokenRequest validate(UUID org, NewToken input) {
        Validation v = new Validation();
        Optional<Role> role = Role.ofWire(input.role());
        v.require(role.isPresent(), "role", "must be owner, staff, viewer or device");
        List<String> scopes = input.scopes() == null ? List.of() : input.scopes();
        v.require(scopes.size() <= 100, "scopes", "at most 100 scopes");
        v.require(role.isEmpty() || role.get() != Role.DEVICE || !scopes.isEmpty(), "scopes",
                "a device token needs at least one scope");
        v.require(role.isEmpty() || role.get() == Role.DEVICE || scopes.isEmpty(), "scopes",
                "only device tokens carry scopes");
        List<String> problems = scopes.size() <= 100 ? scopeProblems(org, scopes) : List.of();
        problems.forEach(p -> v.require(false, "scopes", p));
        v.require(input.userId() == null || IdentityStore.userExists(dsl, org, input.userId()), "user_id",
                "is not a user of this organisation");
        v.require(input.deviceId() == null || IdentityStore.deviceExists(dsl, org, input.deviceId()), "device_id",
                "is not a device of this organisation");
        v.text(input.label(), "label", 0, 200);
        Optional<Instant> expires = instant(input.expiresAt());
        Instant latest = Instant.now().plus(policy.maxLifetime());
        v.require(input.expiresAt() == null || expires.filter(e -> e.isAfter(Instant.now()) && !e.isAfter(latest))
                .isPresent(), "expires_at", "must be an ISO-8601 date-time in the future, at most "
                + policy.maxLifetime().toDays() + " days ahead");
        v.orThrow();
        return new TokenRequest(org, role.orElseThrow(), List.copyOf(new java.util.LinkedHashSet<>(scopes)),
                input.userId(), input.deviceId(), input.label(), expires.orElse(latest));
    }

    /**
     * Each scope must be a topic this organisation owns. A topic of another organisation and one that does
     * not exist are refused in the same words, so minting tokens cannot tell which ids exist elsewhere.
     */
    private List<String> scopeProblems(UUID org, List<String> scopes) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            try {
                Topic topic = Topic.parse(scopes.get(i));
                if (!ownership.orgOf(topic).filter(org::equals).isPresent()) {
                    problems.add("scopes[" + i + "] is not a topic of this organisation");
                }
            } catch (InvalidTopicException e) {
                problems.add("scopes[" + i + "]: " + e.getMessage());
            }
        }
        return problems;
    }

    private static Principal principalOf(ApiToken t) {
        Role role = Role.ofWire(t.role()).orElseThrow();
        Set<Topic> scopes = new HashSet<>();
        t.scopes().forEach(s -> scopes.add(Topic.parse(s)));
        return new Principal(false, t.id(), t.organizationId(), role, t.userId(), t.deviceId(), scopes);
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
