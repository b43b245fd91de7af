package za.voelgoed.seating;

import java.time.Duration;
import java.time.Instant;

/**
 * When a show's Redis state expires: {@code keepAfterEnd} after the show ends (refunds and late scans of
 * the days after still find it loaded), where a show without an end time ends {@code defaultLength} after it
 * starts. A show loaded after that point (a request for a long-past show) keeps its keys for {@link #FLOOR},
 * enough for the request that loaded it. Every load sets the expiry again.
 */
public record InventoryExpiry(Duration keepAfterEnd, Duration defaultLength) {

    static final Duration FLOOR = Duration.ofHours(1);

    public InventoryExpiry {
        if (keepAfterEnd.isNegative() || defaultLength.isNegative()) {
            throw new IllegalArgumentException("inventory expiry durations must not be negative");
        }
    }

    public static InventoryExpiry ofHours(int keepAfterEndHours, int defaultShowHours) {
        return new InventoryExpiry(Duration.ofHours(keepAfterEndHours), Duration.ofHours(defaultShowHours));
    }

    /** When the show is over: its end time, or its start plus the default length. */
    Instant endOf(Instant startsAt, Instant endsAt) {
        return endsAt != null ? endsAt : startsAt.plus(defaultLength);
    }

    /** When the show's keys expire if loaded at {@code now}; {@code startsAt} null for a show not found. */
    Instant keysExpireAt(Instant startsAt, Instant endsAt, Instant now) {
        Instant floor = now.plus(FLOOR);
        if (startsAt == null) {
            return floor;
        }
        Instant expiry = endOf(startsAt, endsAt).plus(keepAfterEnd);
        return expiry.isAfter(floor) ? expiry : floor;
    }
}
