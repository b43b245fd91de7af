package za.voelgoed.ticketing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Whether a coupon may be used now for a show (the use itself is reserved in the database). */
final class CouponRules {

    /** What the rules need to know of a coupon; {@code eventId} null means every show of the organisation. */
    record CouponState(String code, UUID eventId, Instant validFrom, Instant validUntil, Integer usageLimit, int used) {
    }

    private CouponRules() {
    }

    /** The refusal code, or empty when usable. The window includes its start and excludes its end. */
    static Optional<String> refusal(CouponState coupon, UUID eventId, Instant now) {
        if (coupon.eventId() != null && !coupon.eventId().equals(eventId)) {
            return Optional.of("coupon_not_for_event");
        }
        if (coupon.validFrom() != null && now.isBefore(coupon.validFrom())) {
            return Optional.of("coupon_not_yet_valid");
        }
        if (coupon.validUntil() != null && !now.isBefore(coupon.validUntil())) {
            return Optional.of("coupon_expired");
        }
        if (coupon.usageLimit() != null && coupon.used() >= coupon.usageLimit()) {
            return Optional.of("coupon_used_up");
        }
        return Optional.empty();
    }
}
