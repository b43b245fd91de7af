package za.voelgoed.scanning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;

/**
 * Scan sessions: opened at a gate of a show by a device or staff, listed and closed by staff; opening and closing
 * emit their events in the same transaction. Also the owner of {@code scanning:session:{id}} topics: an unknown
 * session belongs to nobody.
 */
public final class ScanSessions {

    /** Input of {@code POST /api/orgs/{org}/scanning/sessions}. */
    public record NewSession(UUID eventId, String gate, String direction, List<String> ticketTypes) {
    }

    private static final String COLUMNS = "id, organization_id, event_id, gate, direction, ticket_types, device_id,"
            + " opened_at, closed_at";

    private final Outbox outbox;
    private final DSLContext dsl;
    private final BiPredicate<UUID, UUID> showOfOrg;
    private final Clock clock;

    public ScanSessions(Outbox outbox, DSLContext dsl, BiPredicate<UUID, UUID> showOfOrg, Clock clock) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.showOfOrg = showOfOrg;
        this.clock = clock;
    }

    public Optional<UUID> orgOf(UUID sessionId) {
        return dsl.fetchOptional("select organization_id from scanning_sessions where id = ?", sessionId)
                .map(r -> r.get(0, UUID.class));
    }

    /** Opens a session for the device (null when a person opens it); {@code scanning.session_opened.v1}. */
    public ScanSession open(Actor actor, UUID orgId, UUID deviceId, NewSession input) {
        List<String> types = input.ticketTypes() == null ? List.of() : input.ticketTypes();
        Validation v = new Validation().require(input.eventId() != null, "event_id", "is required")
                .text(input.gate(), "gate", 1, 100)
                .require(Direction.of(input.direction()).isPresent(), "direction", "must be entry, exit or both")
                .require(types.size() <= 100, "ticket_types", "may list at most 100 ticket types");
        for (int i = 0; i < types.size(); i++) {
            v.text(types.get(i), "ticket_types[" + i + "]", 1, 100);
        }
        v.orThrow();
        if (!showOfOrg.test(orgId, input.eventId())) {
            throw ApiException.notFound("event_not_found", "no such event");
        }
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return outbox.transact(actor, tx -> {
            ScanSession opened = session(tx.sql().fetchOne("insert into scanning_sessions (id, organization_id,"
                    + " event_id, gate, direction, ticket_types, device_id, opened_at)"
                    + " values (?, ?, ?, ?, ?, ?::text[], ?, ?::timestamptz) returning " + COLUMNS,
                    UUID.randomUUID(), orgId, input.eventId(), input.gate().strip(), input.direction(),
                    types.stream().map(String::strip).toArray(String[]::new), deviceId, now));
            SessionEvents.opened(tx, opened);
            return opened;
        });
    }

    /** The organisation's session, open or closed. */
    public Optional<ScanSession> find(UUID orgId, UUID sessionId) {
        return dsl.fetchOptional("select " + COLUMNS + " from scanning_sessions where id = ? and organization_id = ?"
                + " and event_id is not null", sessionId, orgId).map(ScanSessions::session);
    }

    public List<ScanSession> list(UUID orgId, UUID eventId) {
        return dsl.fetch("select " + COLUMNS + " from scanning_sessions where organization_id = ?"
                + " and event_id is not null and (?::uuid is null or event_id = ?::uuid)"
                + " order by opened_at desc, id limit 1000",
                orgId, eventId, eventId).map(ScanSessions::session);
    }

    /**
     * Closes the session ({@code scanning.session_closed.v1}); closing a closed session changes nothing, emits
     * nothing and answers it as it is.
     */
    public ScanSession close(Actor actor, UUID orgId, UUID sessionId) {
        outbox.transact(actor, tx -> {
            tx.sql().fetchOptional("update scanning_sessions set closed_at = now() where id = ?"
                    + " and organization_id = ? and event_id is not null and closed_at is null returning " + COLUMNS,
                    sessionId, orgId).map(ScanSessions::session).ifPresent(closed -> SessionEvents.closed(tx, closed));
            return null;
        });
        return find(orgId, sessionId).orElseThrow(() -> ApiException.notFound("session_not_found", "no such session"));
    }

    private static ScanSession session(Record r) {
        String[] types = r.get("ticket_types", String[].class);
        return new ScanSession(r.get("id", UUID.class), r.get("organization_id", UUID.class),
                r.get("event_id", UUID.class), r.get("gate", String.class), r.get("direction", String.class),
                types == null ? List.of() : Arrays.asList(types), r.get("device_id", UUID.class),
                r.get("opened_at", OffsetDateTime.class), r.get("closed_at", OffsetDateTime.class));
    }
}
