package za.voelgoed.scanning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import za.voelgoed.shared.json.Json;

/** The SQL of scans and admissions; translation only, the decisions are {@link ScanRules}' and {@link Scans}'. */
final class ScanStore {

    private ScanStore() {
    }

    /** A scan being answered: who scanned what, where, and whether the device had admitted offline already. */
    record Claim(UUID scanId, UUID organizationId, ScanSession session, String nonce, String direction, UUID deviceId,
                 OffsetDateTime scannedAt, boolean offline) {
    }

    /**
     * Claims the session's nonce for this scan (a row answered {@code pending} until {@link #answer}); false if
     * another scan has it. A concurrent claim of the same nonce waits here until the first one's transaction ends.
     */
    static boolean claim(DSLContext tx, Claim c) {
        return tx.execute("""
                insert into scans (id, organization_id, session_id, nonce, event_id, result, direction, device_id,
                                   scanned_at, answer)
                values (?, ?, ?, ?, ?, 'pending', ?, ?, ?::timestamptz, '{}'::jsonb)
                on conflict (session_id, nonce) do nothing""", c.scanId(), c.organizationId(), c.session().id(),
                c.nonce(), c.session().eventId(), c.direction(), c.deviceId(), c.scannedAt()) == 1;
    }

    static Optional<ScanAnswer> answerOf(DSLContext tx, UUID sessionId, String nonce) {
        return tx.fetchOptional("select answer::text from scans where session_id = ? and nonce = ?", sessionId, nonce)
                .map(r -> Json.read(r.get(0, String.class), ScanAnswer.class));
    }

    /** Records the answer; a conflict (ADR 0025) is marked on the row for the show's report. */
    static void answer(DSLContext tx, Claim claim, UUID ticketId, ScanAnswer answer) {
        tx.execute("update scans set result = ?, ticket_id = ?, answer = ?::jsonb, offline = ?, conflict = ?"
                + " where id = ?", answer.result(), ticketId, Json.write(answer), claim.offline(),
                Boolean.TRUE.equals(answer.conflict()), claim.scanId());
    }

    static Optional<TicketFacts> ticket(DSLContext tx, UUID organizationId, UUID ticketId) {
        return tx.fetchOptional("""
                select t.id, t.organization_id, t.event_id, t.ticket_type, t.seat_index, t.status,
                       o.status as order_status,
                       case when p.status = 'authorized' then exists (select 1 from dead_letters d
                           where d.worker = 'payments.capture' and d.args->>'payment_id' = p.id::text)
                       else false end as capture_failed,
                       exists (select 1 from ticket_blocks b where b.ticket_id = t.id) as blocked
                from tickets t join orders o on o.id = t.order_id left join payments p on p.order_id = o.id
                where t.id = ? and t.organization_id = ?""", ticketId, organizationId).map(ScanStore::facts);
    }

    private static TicketFacts facts(Record r) {
        return new TicketFacts(r.get("id", UUID.class), r.get("organization_id", UUID.class),
                r.get("event_id", UUID.class), r.get("ticket_type", String.class), r.get("seat_index", Integer.class),
                r.get("status", String.class), r.get("order_status", String.class),
                Boolean.TRUE.equals(r.get("capture_failed", Boolean.class)),
                Boolean.TRUE.equals(r.get("blocked", Boolean.class)));
    }

    /** Records the admission; false if the ticket was already admitted (the unique key is the source of truth). */
    static boolean admit(DSLContext tx, Claim c, UUID ticketId, RedisAdmissions.Admission a) {
        return tx.execute("""
                insert into admissions (ticket_id, organization_id, event_id, scan_id, session_id, gate, device_id,
                                        admitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::timestamptz) on conflict (ticket_id) do nothing""",
                ticketId, c.organizationId(), c.session().eventId(), c.scanId(), c.session().id(), a.gate(),
                a.deviceId(), a.at().atOffset(java.time.ZoneOffset.UTC)) == 1;
    }

    static Optional<RedisAdmissions.Admission> admission(DSLContext tx, UUID ticketId) {
        return tx.fetchOptional("select ticket_id, scan_id, admitted_at, device_id, gate from admissions"
                + " where ticket_id = ?", ticketId).map(r -> keyed(r).admission());
    }

    static List<RedisAdmissions.Admission.Keyed> admissionsOf(DSLContext dsl, UUID eventId) {
        return dsl.fetch("select ticket_id, scan_id, admitted_at, device_id, gate from admissions where event_id = ?",
                eventId).map(ScanStore::keyed);
    }

    private static RedisAdmissions.Admission.Keyed keyed(Record r) {
        return new RedisAdmissions.Admission.Keyed(r.get("ticket_id", UUID.class), new RedisAdmissions.Admission(
                r.get("scan_id", UUID.class), r.get("admitted_at", OffsetDateTime.class).toInstant(),
                r.get("device_id", UUID.class), r.get("gate", String.class)));
    }
}
