package za.voelgoed.scanning;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * Claims the nonces of many scans in one statement, in their order (see {@link #claim}); the ids of the scans
     * that got theirs. A nonce twice among them goes to the first; the second answers as a resend.
     */
    static Set<UUID> claimAll(DSLContext tx, List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.fetch("""
                insert into scans (id, organization_id, session_id, nonce, event_id, result, direction, device_id,
                                   scanned_at, answer)
                select id, org, session, nonce, evt, 'pending', direction, device, scanned, '{}'::jsonb
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::uuid[],
                            ?::timestamptz[]) with ordinality
                     as c(id, org, session, nonce, evt, direction, device, scanned, position)
                order by position
                on conflict (session_id, nonce) do nothing
                returning id""",
                claims.stream().map(Claim::scanId).toArray(UUID[]::new),
                claims.stream().map(Claim::organizationId).toArray(UUID[]::new),
                claims.stream().map(c -> c.session().id()).toArray(UUID[]::new),
                claims.stream().map(Claim::nonce).toArray(String[]::new),
                claims.stream().map(c -> c.session().eventId()).toArray(UUID[]::new),
                claims.stream().map(Claim::direction).toArray(String[]::new),
                claims.stream().map(Claim::deviceId).toArray(UUID[]::new),
                claims.stream().map(Claim::scannedAt).toArray(OffsetDateTime[]::new)).getValues(0, UUID.class));
    }

    /** Writes many scans' answers in one statement (see {@link #answer}). */
    static void answerAll(DSLContext tx, List<ScanWrites.Answered> answers) {
        if (answers.isEmpty()) {
            return;
        }
        tx.execute("""
                update scans set result = a.result, ticket_id = a.ticket_id, answer = a.answer::jsonb,
                                 offline = a.offline, conflict = a.conflict
                from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::text[], ?::boolean[], ?::boolean[])
                     as a(id, result, ticket_id, answer, offline, conflict)
                where scans.id = a.id""",
                answers.stream().map(a -> a.claim().scanId()).toArray(UUID[]::new),
                answers.stream().map(a -> a.answer().result()).toArray(String[]::new),
                answers.stream().map(ScanWrites.Answered::ticketId).toArray(UUID[]::new),
                answers.stream().map(a -> Json.write(a.answer())).toArray(String[]::new),
                answers.stream().map(a -> a.claim().offline()).toArray(Boolean[]::new),
                answers.stream().map(a -> Boolean.TRUE.equals(a.answer().conflict())).toArray(Boolean[]::new));
    }

    static Optional<ScanAnswer> answerOf(DSLContext tx, UUID sessionId, String nonce) {
        return tx.fetchOptional("select answer::text from scans where session_id = ? and nonce = ?", sessionId, nonce)
                .map(r -> Json.read(r.get(0, String.class), ScanAnswer.class));
    }

    /** Which ticket a scan asks for, in which organisation, by which code. */
    /** A ticket a scanned code names, with the key id the code gives. */
    record TicketAsked(UUID ticketId, UUID organizationId, String code, String keyId) {
    }

    /**
     * The facts of many tickets in one query, each found only when the scanned code is its stored code, and only while
     * the key its code names is one of the organisation's active or retiring keys (read here, in the group's
     * transaction, so a retired key stops admitting at once on every node).
     */
    static Map<TicketAsked, TicketFacts> tickets(DSLContext tx, Collection<TicketAsked> asked) {
        if (asked.isEmpty()) {
            return Map.of();
        }
        Map<TicketAsked, TicketFacts> found = new HashMap<>();
        tx.fetch("""
                select t.id, t.organization_id, t.event_id, t.ticket_type, t.seat_index, t.status, t.code, k.key_id,
                       o.status as order_status,
                       case when p.status = 'authorized' then exists (select 1 from dead_letters d
                           where d.worker = 'payments.capture' and d.args->>'payment_id' = p.id::text)
                       else false end as capture_failed,
                       exists (select 1 from ticket_blocks b where b.ticket_id = t.id) as blocked
                from (select distinct * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[])
                        as w(id, org, code, key_id)) w
                join tickets t on t.id = w.id and t.organization_id = w.org and t.code = w.code
                join org_ticket_keys k on k.organization_id = w.org and k.key_id = w.key_id
                     and k.status in ('active', 'retiring')
                join orders o on o.id = t.order_id left join payments p on p.order_id = o.id""",
                asked.stream().map(TicketAsked::ticketId).toArray(UUID[]::new),
                asked.stream().map(TicketAsked::organizationId).toArray(UUID[]::new),
                asked.stream().map(TicketAsked::code).toArray(String[]::new),
                asked.stream().map(TicketAsked::keyId).toArray(String[]::new))
                .forEach(r -> found.put(new TicketAsked(r.get("id", UUID.class), r.get("organization_id", UUID.class),
                        r.get("code", String.class), r.get("key_id", String.class)), facts(r)));
        return found;
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

    /** An admission decided in Redis and not inserted yet (see {@link #admitAll}). */
    record Admit(Claim claim, UUID ticketId, RedisAdmissions.Admission admission) {
    }

    /**
     * Records many admissions in one statement, in ticket order (so two nodes meeting on tickets wait rather than
     * deadlock); the tickets it admitted. One missing was already admitted (see {@link #admit}).
     */
    static Set<UUID> admitAll(DSLContext tx, List<Admit> admits) {
        if (admits.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(tx.fetch("""
                insert into admissions (ticket_id, organization_id, event_id, scan_id, session_id, gate, device_id,
                                        admitted_at)
                select ticket, org, evt, scan, session, gate, device, at
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[],
                            ?::timestamptz[]) as a(ticket, org, evt, scan, session, gate, device, at)
                order by ticket
                on conflict (ticket_id) do nothing
                returning ticket_id""",
                admits.stream().map(Admit::ticketId).toArray(UUID[]::new),
                admits.stream().map(a -> a.claim().organizationId()).toArray(UUID[]::new),
                admits.stream().map(a -> a.claim().session().eventId()).toArray(UUID[]::new),
                admits.stream().map(a -> a.claim().scanId()).toArray(UUID[]::new),
                admits.stream().map(a -> a.claim().session().id()).toArray(UUID[]::new),
                admits.stream().map(a -> a.admission().gate()).toArray(String[]::new),
                admits.stream().map(a -> a.admission().deviceId()).toArray(UUID[]::new),
                admits.stream().map(a -> a.admission().at().atOffset(java.time.ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new)).getValues(0, UUID.class));
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
