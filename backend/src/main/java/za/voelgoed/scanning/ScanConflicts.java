package za.voelgoed.scanning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.PageCursor;

/**
 * A show's double-admission report (ADR 0025): every offline scan that found its ticket already admitted, with
 * the admission that won (first in server order) beside it, in the order the conflicts were recorded.
 */
public final class ScanConflicts {

    /** One double admission. {@code admitted} is null only if the winning admission was taken back (ADR 0025). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Conflict(UUID ticketId, String ticketType, Integer seatIndex, Admitted admitted,
                           Conflicting conflicting) {
    }

    /** The admission that counts: its scan, when, at which gate, by which device (null for a person). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Admitted(UUID scanId, OffsetDateTime at, String gate, UUID deviceId) {
    }

    /** The offline scan that admitted the holder too: the device's own time and when the server recorded it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Conflicting(UUID scanId, UUID deviceId, String gate, OffsetDateTime scannedAt,
                              OffsetDateTime recordedAt) {
    }

    /** One page of the report, the report's size, and where the next page starts (null: this was the last). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<Conflict> items, long total, String nextCursor) {
    }

    private static final String SELECT = """
            select s.ticket_id, t.ticket_type, t.seat_index, a.scan_id as admitted_scan_id, a.admitted_at,
                   a.gate as admitted_gate, a.device_id as admitted_device_id, s.id as scan_id, s.device_id,
                   ss.gate, s.scanned_at, s.recorded_at
            from scans s join tickets t on t.id = s.ticket_id
            join scanning_sessions ss on ss.id = s.session_id
            left join admissions a on a.ticket_id = s.ticket_id
            where s.event_id = ? and s.organization_id = ? and s.conflict""";

    private final DSLContext dsl;
    private final BiPredicate<UUID, UUID> showOfOrg;

    ScanConflicts(DSLContext dsl, BiPredicate<UUID, UUID> showOfOrg) {
        this.dsl = dsl;
        this.showOfOrg = showOfOrg;
    }

    /** The show's conflicts by {@code recorded_at} (then scan id, so the order is stable); 404 for another org's show. */
    List<Conflict> of(UUID orgId, UUID eventId) {
        requireShow(orgId, eventId);
        return dsl.fetch(SELECT + " order by s.recorded_at, s.id", eventId, orgId).map(ScanConflicts::conflict);
    }

    /**
     * Up to {@code limit} of them in the same order, after {@code cursor} (null: from the first), with the total.
     *
     * @throws IllegalArgumentException for a cursor this server did not issue
     */
    Page page(UUID orgId, UUID eventId, int limit, String cursor) {
        requireShow(orgId, eventId);
        List<Object> binds = new ArrayList<>(List.of(eventId, orgId));
        String after = "";
        if (cursor != null) {
            PageCursor at = PageCursor.decode(cursor);
            after = " and (s.recorded_at, s.id) > (?::timestamptz, ?::uuid)";
            binds.addAll(List.of(at.at(), at.id()));
        }
        binds.add(limit + 1);
        List<Conflict> rows = dsl.fetch(SELECT + after + " order by s.recorded_at, s.id limit ?", binds.toArray())
                .map(ScanConflicts::conflict);
        // the partial index of conflicts by show counts them without reading the show's other scans
        long total = dsl.fetchSingle("select count(*) from scans where event_id = ? and organization_id = ?"
                + " and conflict", eventId, orgId).get(0, Long.class);
        if (rows.size() <= limit) {
            return new Page(rows, total, null);
        }
        Conflicting last = rows.get(limit - 1).conflicting();
        return new Page(List.copyOf(rows.subList(0, limit)), total,
                new PageCursor(last.recordedAt(), last.scanId()).encode());
    }

    private void requireShow(UUID orgId, UUID eventId) {
        if (!showOfOrg.test(orgId, eventId)) {
            throw ApiException.notFound("event_not_found", "no such event");
        }
    }

    private static Conflict conflict(Record r) {
        UUID admittedScan = r.get("admitted_scan_id", UUID.class);
        Admitted admitted = admittedScan == null ? null : new Admitted(admittedScan,
                r.get("admitted_at", OffsetDateTime.class), r.get("admitted_gate", String.class),
                r.get("admitted_device_id", UUID.class));
        return new Conflict(r.get("ticket_id", UUID.class), r.get("ticket_type", String.class),
                r.get("seat_index", Integer.class), admitted, new Conflicting(r.get("scan_id", UUID.class),
                r.get("device_id", UUID.class), r.get("gate", String.class),
                r.get("scanned_at", OffsetDateTime.class), r.get("recorded_at", OffsetDateTime.class)));
    }
}
