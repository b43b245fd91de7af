package za.voelgoed.identity;

import static za.voelgoed.platform.db.schema.Tables.API_TOKENS;
import static za.voelgoed.platform.db.schema.Tables.DEVICES;
import static za.voelgoed.platform.db.schema.Tables.USERS;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import za.voelgoed.platform.db.schema.tables.records.ApiTokensRecord;
import za.voelgoed.shared.json.Json;

/** SQL of the identity slice. */
final class IdentityStore {

    private IdentityStore() {
    }

    static Member insertUser(DSLContext sql, UUID org, String email, String name, String role) {
        var r = sql.insertInto(USERS).set(USERS.ID, UUID.randomUUID()).set(USERS.ORGANIZATION_ID, org)
                .set(USERS.EMAIL, email).set(USERS.NAME, name).set(USERS.ROLE, role).returning().fetchOne();
        return new Member(r.getId(), org, "user", r.getEmail(), r.getName(), r.getRole(), r.getCreatedAt().toInstant());
    }

    static Member insertDevice(DSLContext sql, UUID org, String name) {
        var r = sql.insertInto(DEVICES).set(DEVICES.ID, UUID.randomUUID()).set(DEVICES.ORGANIZATION_ID, org)
                .set(DEVICES.NAME, name).returning().fetchOne();
        return new Member(r.getId(), org, "device", null, r.getName(), null, r.getCreatedAt().toInstant());
    }

    static List<Member> users(DSLContext sql, UUID org) {
        return sql.selectFrom(USERS).where(USERS.ORGANIZATION_ID.eq(org)).orderBy(USERS.CREATED_AT)
                .fetch(r -> new Member(r.getId(), org, "user", r.getEmail(), r.getName(), r.getRole(),
                        r.getCreatedAt().toInstant()));
    }

    static List<Member> devices(DSLContext sql, UUID org) {
        return sql.selectFrom(DEVICES).where(DEVICES.ORGANIZATION_ID.eq(org)).orderBy(DEVICES.CREATED_AT)
                .fetch(r -> new Member(r.getId(), org, "device", null, r.getName(), null, r.getCreatedAt().toInstant()));
    }

    static boolean userExists(DSLContext sql, UUID org, UUID id) {
        return sql.fetchExists(USERS, USERS.ORGANIZATION_ID.eq(org).and(USERS.ID.eq(id)));
    }

    static boolean deviceExists(DSLContext sql, UUID org, UUID id) {
        return sql.fetchExists(DEVICES, DEVICES.ORGANIZATION_ID.eq(org).and(DEVICES.ID.eq(id)));
    }

    static boolean emailTaken(DSLContext sql, UUID org, String email) {
        return sql.fetchExists(USERS, USERS.ORGANIZATION_ID.eq(org).and(DSL.lower(USERS.EMAIL).eq(email.toLowerCase())));
    }

    static ApiToken insertToken(DSLContext sql, TokenRequest request, String hash, String createdBy) {
        return toToken(sql.insertInto(API_TOKENS)
                .set(API_TOKENS.ID, UUID.randomUUID())
                .set(API_TOKENS.ORGANIZATION_ID, request.organizationId())
                .set(API_TOKENS.ROLE, request.role().wire())
                .set(API_TOKENS.USER_ID, request.userId())
                .set(API_TOKENS.DEVICE_ID, request.deviceId())
                .set(API_TOKENS.SCOPES, JSONB.valueOf(Json.write(request.scopes())))
                .set(API_TOKENS.TOKEN_HASH, hash)
                .set(API_TOKENS.LABEL, request.label())
                .set(API_TOKENS.CREATED_BY, createdBy)
                .set(API_TOKENS.EXPIRES_AT, utc(request.expiresAt()))
                .returning().fetchOne());
    }

    /** The live token with this hash: not revoked, not expired. */
    static Optional<ApiToken> liveTokenByHash(DSLContext sql, String hash) {
        return sql.selectFrom(API_TOKENS).where(API_TOKENS.TOKEN_HASH.eq(hash))
                .and(API_TOKENS.REVOKED_AT.isNull())
                .and(API_TOKENS.EXPIRES_AT.isNull().or(API_TOKENS.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
                .fetchOptional(IdentityStore::toToken);
    }

    static List<ApiToken> tokens(DSLContext sql, UUID org) {
        return sql.selectFrom(API_TOKENS).where(API_TOKENS.ORGANIZATION_ID.eq(org)).orderBy(API_TOKENS.CREATED_AT)
                .fetch(IdentityStore::toToken);
    }

    /** Those of the given tokens that are revoked or expired. */
    static java.util.Set<UUID> deadAmong(DSLContext sql, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(sql.select(API_TOKENS.ID).from(API_TOKENS).where(API_TOKENS.ID.in(ids))
                .and(API_TOKENS.REVOKED_AT.isNotNull().or(API_TOKENS.EXPIRES_AT.le(DSL.currentOffsetDateTime())))
                .fetch(API_TOKENS.ID));
    }

    /** Revokes a live token of the organisation; returns its hash, or empty when there was none. */
    static Optional<String> revoke(DSLContext sql, UUID org, UUID id) {
        return sql.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(API_TOKENS.ORGANIZATION_ID.eq(org)).and(API_TOKENS.ID.eq(id)).and(API_TOKENS.REVOKED_AT.isNull())
                .returning(API_TOKENS.TOKEN_HASH).fetchOptional(API_TOKENS.TOKEN_HASH);
    }

    private static ApiToken toToken(ApiTokensRecord r) {
        List<String> scopes = Json.mapper().convertValue(Json.tree(r.getScopes().data()), new TypeReference<>() { });
        return new ApiToken(r.getId(), r.getOrganizationId(), r.getRole(), r.getUserId(), r.getDeviceId(), scopes,
                r.getLabel(), r.getCreatedBy(), instant(r.getCreatedAt()), instant(r.getExpiresAt()),
                instant(r.getRevokedAt()), instant(r.getLastUsedAt()));
    }

    /** Marks the token used now (called at most hourly per token). */
    static void touch(DSLContext sql, UUID id) {
        sql.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, DSL.currentOffsetDateTime()).where(API_TOKENS.ID.eq(id))
                .execute();
    }

    /** Holds the organisation's row until the transaction ends. */
    static void lockOrganization(DSLContext tx, UUID org) {
        tx.execute("select 1 from organizations where id = ? for update", org);
    }

    /** Tokens of the organisation that are neither revoked nor expired. */
    static int liveTokenCount(DSLContext sql, UUID org) {
        return sql.fetchCount(API_TOKENS, API_TOKENS.ORGANIZATION_ID.eq(org).and(API_TOKENS.REVOKED_AT.isNull())
                .and(API_TOKENS.EXPIRES_AT.isNull().or(API_TOKENS.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))));
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
