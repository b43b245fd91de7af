package za.voelgoed.ticketing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;

/**
 * Coupons of an organisation: percentage or fixed, for one show or all, within a validity window, with a
 * usage limit. A use is reserved in the order's transaction by one conditional UPDATE, so concurrent
 * checkouts can never use a coupon more often than its limit.
 */
public final class Coupons {

    private final DSLContext dsl;

    public Coupons(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Body of {@code POST /api/orgs/{org_id}/coupons}. */
    public record NewCoupon(String code, String kind, Long value, UUID eventId, String validFrom, String validUntil,
                            Integer usageLimit) {
    }

    /** A coupon as stored and shown. */
    public record Coupon(UUID id, String code, String kind, long value, UUID eventId, OffsetDateTime validFrom,
                         OffsetDateTime validUntil, Integer usageLimit, int used) {
    }

    public Coupon create(UUID orgId, NewCoupon input) {
        Validation check = new Validation()
                .require(input.code() != null && input.code().matches("[A-Za-z0-9_-]{1,40}"), "code",
                        "must be 1 to 40 letters, digits, '-' or '_'")
                .require("percent".equals(input.kind()) || "fixed".equals(input.kind()), "kind", "must be percent or fixed")
                .require(input.value() != null && input.value() > 0
                        && input.value() <= za.voelgoed.seating.model.SeatingLimits.MAX_PRICE_CENTS
                        && (!"percent".equals(input.kind()) || input.value() <= 100), "value",
                        "must be 1 to 100 for percent, or cents above 0 for fixed")
                .require(input.usageLimit() == null || input.usageLimit() >= 1, "usage_limit", "must be 1 or more");
        OffsetDateTime from = time(input.validFrom(), "valid_from", check);
        OffsetDateTime until = time(input.validUntil(), "valid_until", check);
        check.require(from == null || until == null || from.isBefore(until), "valid_until", "must be after valid_from");
        check.orThrow();
        UUID id = UUID.randomUUID();
        int inserted = dsl.execute("""
                insert into coupons (id, organization_id, event_id, code, kind, value, valid_from, valid_until, usage_limit)
                values (?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?) on conflict do nothing""",
                id, orgId, input.eventId(), input.code().toUpperCase(), input.kind(), input.value(), from, until,
                input.usageLimit());
        if (inserted == 0) {
            throw ApiException.conflict("coupon_code_taken", "coupon " + input.code() + " exists already");
        }
        return find(dsl, orgId, input.code()).orElseThrow();
    }

    public List<Coupon> list(UUID orgId) {
        return dsl.fetch("select " + COLUMNS + " from coupons where organization_id = ? order by created_at", orgId)
                .map(Coupons::coupon);
    }

    /** Checks the coupon for the show without taking a use (pricing before payment), or refuses (409). */
    Coupon check(DSLContext dsl, UUID orgId, String code, UUID eventId) {
        Coupon coupon = find(dsl, orgId, code).orElseThrow(() ->
                ApiException.conflict("coupon_not_found", "no coupon " + code));
        CouponRules.refusal(new CouponRules.CouponState(coupon.code(), coupon.eventId(), instant(coupon.validFrom()),
                instant(coupon.validUntil()), coupon.usageLimit(), coupon.used()), eventId, Instant.now())
                .ifPresent(refusal -> {
                    throw ApiException.conflict(refusal, "coupon " + code + " cannot be used: " + refusal);
                });
        return coupon;
    }

    /** In the order's transaction: checks the coupon again and takes one use, or refuses (409). */
    Coupon reserve(DSLContext tx, UUID orgId, String code, UUID eventId) {
        Coupon coupon = check(tx, orgId, code, eventId);
        int taken = tx.execute("update coupons set used = used + 1 where id = ?"
                + " and (usage_limit is null or used < usage_limit)", coupon.id());
        if (taken == 0) {
            throw ApiException.conflict("coupon_used_up", "coupon " + code + " has no uses left");
        }
        return coupon;
    }

    private static final String COLUMNS =
            "id, code, kind, value, event_id, valid_from, valid_until, usage_limit, used";

    private static Optional<Coupon> find(DSLContext dsl, UUID orgId, String code) {
        return dsl.fetchOptional("select " + COLUMNS + " from coupons where organization_id = ? and code = ?",
                orgId, code.toUpperCase()).map(Coupons::coupon);
    }

    private static Coupon coupon(Record r) {
        return new Coupon(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Long.class),
                r.get(4, UUID.class), r.get(5, OffsetDateTime.class), r.get(6, OffsetDateTime.class),
                r.get(7, Integer.class), r.get(8, Integer.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(String text, String field, Validation check) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            check.require(false, field, "must be an ISO-8601 time with offset");
            return null;
        }
    }
}
