package za.voelgoed.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import za.voelgoed.platform.http.Validation;

/** Pure rules of the events slice: what a valid show is and which transitions are allowed. */
final class EventRules {

    private EventRules() {
    }

    /** Checks a new show's input and returns its parsed times; throws one problem listing every error. */
    static Times validate(Events.NewEvent input) {
        Validation v = new Validation().text(input.name(), "name", 1, 200).text(input.venue(), "venue", 0, 200);
        Optional<Instant> startsAt = instant(input.startsAt());
        Optional<Instant> endsAt = instant(input.endsAt());
        v.require(input.startsAt() != null, "starts_at", "is required");
        v.require(input.startsAt() == null || startsAt.isPresent(), "starts_at",
                "must be an ISO-8601 date-time with offset, e.g. 2026-12-31T19:30:00+02:00");
        v.require(input.endsAt() == null || endsAt.isPresent(), "ends_at",
                "must be an ISO-8601 date-time with offset");
        v.require(startsAt.isEmpty() || endsAt.isEmpty() || endsAt.get().isAfter(startsAt.get()), "ends_at",
                "must be after starts_at");
        v.orThrow();
        return new Times(startsAt.orElseThrow(), endsAt.orElse(null));
    }

    /** Why the show cannot be published, or empty when it can. */
    static Optional<String> publishRefusal(Event event) {
        return switch (event.lifecycle()) {
            case DRAFT -> Optional.empty();
            case PUBLISHED -> Optional.of("already_published");
            case CANCELLED -> Optional.of("event_cancelled");
        };
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    record Times(Instant startsAt, Instant endsAt) {
    }
}
