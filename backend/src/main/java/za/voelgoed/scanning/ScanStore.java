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

    /**
     * The ticket's facts if {@code code} is exactly its stored code: what proves a code genuine at the gate (the
     * signer alone writes {@code tickets.code}, which never changes), so a forged code finds no ticket.
     */
    static Optional<TicketFacts> ticket(DSLContext tx, UUID organizationId, UUID ticketId, String code) {
        return tx.fetchOptional("""
                select t.id, t.organization_id, t.event_id, t.ticket_type, t.seat_index, t.status,
                       o.status as order_status,
                       case when p.status = 'authorized' then exists (select 1 from dead_letters d
                           where d.worker = 'payments.capture' and d.args->>'payment_id' = p.id::text)
                       else false end as capture_failed,
                       exists (select 1 from ticket_blocks b where b.ticket_id = t.id) as blocked
                from tickets t join orders o on o.id = t.order_id left join payments p on p.order_id = o.id
                where t.id = ? and t.organization_id = ? and t.code = ?""", ticketId, organizationId, code)
                .map(ScanStore::facts);
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

    /**
     * Moves an admitted ticket from state {@code from} to {@code from + 1} (an exit or a re-entry, ADR 0024); false
     * if PostgreSQL's state is not {@code from}: another scan moved it first, or Redis was behind. A concurrent move
     * of the same ticket is waited for, then the condition is checked against what it committed.
     */
    static boolean move(DSLContext tx, UUID ticketId, int from, UUID scanId, java.time.Instant at) {
        return tx.execute("update admissions set moves = ?, moved_at = ?::timestamptz, moved_by_scan = ?"
                + " where ticket_id = ? and moves = ?", from + 1, at.atOffset(java.time.ZoneOffset.UTC), scanId,
                ticketId, from) == 1;
    }

    /**
     * The ticket's admission and state, locked until the transaction ends so no other scan moves it meanwhile;
     * empty if it was never admitted (as far as committed rows go).
     */
    static Optional<RedisAdmissions.Committed> presenceForUpdate(DSLContext tx, UUID ticketId) {
        return tx.fetchOptional("select ticket_id, scan_id, admitted_at, device_id, gate, moves from admissions"
                + " where ticket_id = ? for update", ticketId).map(ScanStore::committed);
    }

    static Optional<RedisAdmissions.Admission> admission(DSLContext tx, UUID ticketId) {
        return tx.fetchOptional("select ticket_id, scan_id, admitted_at, device_id, gate, moves from admissions"
                + " where ticket_id = ?", ticketId).map(r -> committed(r).admission());
    }

    /** Every admission of the show with its state, for loading Redis. */
    static List<RedisAdmissions.Committed> admissionsOf(DSLContext dsl, UUID eventId) {
        return dsl.fetch("select ticket_id, scan_id, admitted_at, device_id, gate, moves from admissions"
                + " where event_id = ?", eventId).map(ScanStore::committed);
    }

    private static RedisAdmissions.Committed committed(Record r) {
        return new RedisAdmissions.Committed(r.get("ticket_id", UUID.class), new RedisAdmissions.Admission(
                r.get("scan_id", UUID.class), r.get("admitted_at", OffsetDateTime.class).toInstant(),
                r.get("device_id", UUID.class), r.get("gate", String.class)), r.get("moves", Integer.class));
    }
}
