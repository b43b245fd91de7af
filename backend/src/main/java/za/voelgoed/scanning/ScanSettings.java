package za.voelgoed.scanning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * A show's scanning settings ({@link ShowSettings}): read by staff, devices and every scan, changed by staff with
 * {@code scanning.settings_changed.v1} in the same transaction. A change to the same values changes nothing and
 * emits nothing.
 */
final class ScanSettings {

    /** Body of {@code PUT …/scanning/shows/{event_id}/settings}; the times are text so a number is refused. */
    record Input(Boolean reentryAllowed, String doorsOpenAt) {
    }

    private final DSLContext dsl;
    private final Outbox outbox;
    private final BiPredicate<UUID, UUID> showOfOrg;
    private final Clock clock;

    ScanSettings(DSLContext dsl, Outbox outbox, BiPredicate<UUID, UUID> showOfOrg, Clock clock) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.showOfOrg = showOfOrg;
        this.clock = clock;
    }

    ShowSettings get(UUID orgId, UUID eventId) {
        requireShow(orgId, eventId);
        return of(dsl, eventId);
    }

    ShowSettings put(Actor actor, UUID orgId, UUID eventId, Input input) {
        ShowSettings wanted = validate(eventId, input);
        requireShow(orgId, eventId);
        return outbox.transact(actor, tx -> {
            ShowSettings before = of(tx.sql(), eventId);
            if (before.equals(wanted)) {
                return before;
            }
            tx.sql().execute("""
                    insert into show_scanning_settings (event_id, organization_id, reentry_allowed, doors_open_at,
                                                        updated_at)
                    values (?, ?, ?, ?::timestamptz, ?::timestamptz)
                    on conflict (event_id) do update set reentry_allowed = excluded.reentry_allowed,
                        doors_open_at = excluded.doors_open_at, updated_at = excluded.updated_at""",
                    eventId, orgId, wanted.reentryAllowed(), wanted.doorsOpenAt(),
                    clock.instant().atOffset(ZoneOffset.UTC));
            ObjectNode data = Json.object().put("event_id", eventId.toString())
                    .put("reentry_allowed", wanted.reentryAllowed());
            if (wanted.doorsOpenAt() != null) {
                data.put("doors_open_at", wanted.doorsOpenAt().toString());
            }
            tx.emit(EventTypes.SCANNING_SETTINGS_CHANGED_V1, orgId, eventId, data);
            return wanted;
        });
    }

    /** The show's settings as the transaction sees them (the defaults if never set). */
    static ShowSettings of(DSLContext sql, UUID eventId) {
        return sql.fetchOptional("select reentry_allowed, doors_open_at from show_scanning_settings where event_id = ?",
                        eventId)
                .map(r -> new ShowSettings(eventId, r.get(0, Boolean.class),
                        utc(r.get(1, OffsetDateTime.class))))
                .orElse(ShowSettings.defaults(eventId));
    }

    static ShowSettings validate(UUID eventId, Input input) {
        Optional<OffsetDateTime> doors = time(input.doorsOpenAt());
        new Validation().require(input.reentryAllowed() != null, "reentry_allowed", "is required (true or false)")
                .require(input.doorsOpenAt() == null || doors.isPresent(), "doors_open_at",
                        "must be an ISO-8601 date-time with offset, e.g. 2026-12-31T18:00:00+02:00, or null")
                .orThrow();
        return new ShowSettings(eventId, input.reentryAllowed(), doors.orElse(null));
    }

    private void requireShow(UUID orgId, UUID eventId) {
        if (!showOfOrg.test(orgId, eventId)) {
            throw ApiException.notFound("event_not_found", "no such event");
        }
    }

    private static Optional<OffsetDateTime> time(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(utc(OffsetDateTime.parse(text.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Microseconds in UTC, as PostgreSQL keeps them, so a stored time equals the one that was sent. */
    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
