package za.voelgoed.scanning;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * How long a node answers scans from a session as it last read it: a session closed on another node stops
     * taking scans here within this bound; closed on this node, at once.
     */
    static final Duration SCANNING_READ_TTL = Duration.ofSeconds(2);
    /** Sessions a node remembers for scanning; past this it starts over (a session is one indexed read). */
    private static final int MAX_REMEMBERED = 10_000;
    private static final String COLUMNS = "id, organization_id, event_id, gate, direction, ticket_types, device_id,"
            + " opened_at, closed_at";

    private final Outbox outbox;
    private final DSLContext dsl;
    private final BiPredicate<UUID, UUID> showOfOrg;
    private final Clock clock;

    /** A session as read for scanning, and when (System.nanoTime, taken before the read). */
    private record Remembered(ScanSession session, long readAt) {
    }

    private final ConcurrentHashMap<UUID, Remembered> forScans = new ConcurrentHashMap<>();

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

    /**
     * The organisation's session as scans see it: read from PostgreSQL at most {@link #SCANNING_READ_TTL} ago, so a
     * busy gate does not read its session once per scan (ADR 0026). {@link #close} on this node forgets it.
     */
    Optional<ScanSession> forScanning(UUID orgId, UUID sessionId) {
        long now = System.nanoTime();
        Remembered remembered = forScans.get(sessionId);
        if (remembered != null && now - remembered.readAt() < SCANNING_READ_TTL.toNanos()
                && remembered.session().organizationId().equals(orgId)) {
            return Optional.of(remembered.session());
        }
        Optional<ScanSession> found = find(orgId, sessionId);
        if (found.isPresent()) {
            if (forScans.size() >= MAX_REMEMBERED) {
                forScans.clear();
            }
            forScans.put(sessionId, new Remembered(found.get(), now));
        }
        return found;
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
        // after the commit: a scan reading it from now on finds it closed
        forScans.remove(sessionId);
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
