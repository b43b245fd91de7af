package za.voelgoed.scanning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import za.voelgoed.platform.db.LocalSettings;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.scanning.ScanStore.Claim;
import za.voelgoed.ticketing.TicketCodes;

/**
 * Answers scans: exactly one accepted admission per ticket across devices and nodes (invariant 5). Redis
 * decides first, in one Lua script per show ({@link RedisAdmissions}); PostgreSQL's unique key on
 * {@code admissions.ticket_id} is the source of truth and refuses what Redis got wrong (a rebuild that missed an
 * admission still being committed). In its transaction a scan claims its nonce first (a resend waits for the
 * first answer and gets it back), then writes its row, its admission and its events ({@code scan.accepted} with
 * {@code ticket.redeemed}, or {@code scan.rejected}); a transaction that fails takes its Redis admissions back.
 * Exits, re-entries and the doors time are {@link ScanPresence}'s (ADR 0024). The transactions are the node's
 * {@link ScanJournal}'s: the scans of all the requests that queued while its last transaction ran (single scans
 * and batches alike) are recorded in one (ADR 0026).
 */
public final class Scans implements AutoCloseable {

    static final Map<String, String> GROUP_SETTINGS = LocalSettings.withCustomPlans(Map.of("lock_timeout", "5s"));

    /** Who scans: the actor of the events and the device (null for a person). */
    public record Scanner(Actor actor, UUID deviceId) {
    }

    record Scanned(ScanAnswer answer, ScanResult result, boolean replayed) {
    }

    /** How long a request waits for the writer to take its scans before it gives them up (503). */
    private static final Duration JOURNAL_WAIT = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final ScanSessions sessions;
    private final ScanPresence presence;
    private final ScanTelemetry telemetry;
    private final ScanCounters counters;
    private final ScanJournal journal;

    Scans(Outbox outbox, ScanSessions sessions, ScanPresence presence, ScanTelemetry telemetry, ScanCounters counters,
          String nodeId) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.presence = presence;
        this.telemetry = telemetry;
        this.counters = counters;
        this.journal = new ScanJournal(this::recordGroup, this::afterCommit, this::undoAll, telemetry, JOURNAL_WAIT, nodeId);
    }

    public ScanAnswer scan(Scanner who, UUID orgId, ScanRequest request) {
        ScanInput.check(request);
        ScanSession session = openSession(orgId, request.sessionId());
        return answerAll(who, orgId, List.of(session), List.of(request),
                List.of(ScanInput.direction(session, request))).getFirst();
    }

    /**
     * Every scan is checked (and its session found) before the first is answered; then all are answered in
     * order in one transaction, so a batch costs one commit. A scan later in the batch sees the earlier ones.
     */
    public List<ScanAnswer> batch(Scanner who, UUID orgId, List<ScanRequest> requests) {
        ScanInput.checkBatch(requests);
        Map<UUID, ScanSession> byId = new HashMap<>();
        List<ScanSession> inOrder = new ArrayList<>(requests.size());
        List<Direction> ways = new ArrayList<>(requests.size());
        for (ScanRequest request : requests) {
            ScanSession session = byId.computeIfAbsent(request.sessionId(), id -> openSession(orgId, id));
            inOrder.add(session);
            ways.add(ScanInput.direction(session, request));
        }
        return answerAll(who, orgId, inOrder, requests, ways);
    }

    private ScanSession openSession(UUID orgId, UUID sessionId) {
        ScanSession session = sessions.forScanning(orgId, sessionId)
                .orElseThrow(() -> ApiException.notFound("session_not_found", "no such scan session"));
        if (!session.isOpen()) {
            throw ApiException.conflict("session_closed", "the scan session is closed");
        }
        return session;
    }

    /** A scan ready to be answered: its claim, the ticket its code names, and what it changed. */
    record Prepared(Claim claim, Optional<ScanStore.TicketAsked> asked, AtomicReference<ScanPresence.Change> made) {
    }

    private List<ScanAnswer> answerAll(Scanner who, UUID orgId, List<ScanSession> inOrder, List<ScanRequest> requests,
                                       List<Direction> ways) {
        List<Prepared> prepared = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ScanRequest request = requests.get(i);
            prepared.add(new Prepared(new Claim(UUID.randomUUID(), orgId, inOrder.get(i), request.nonce(),
                    ways.get(i).wire(), who.deviceId(), request.scannedAt(), request.admittedOffline()),
                    TicketCodes.named(orgId, request.code())
                            .map(n -> new ScanStore.TicketAsked(n.ticketId(), orgId, request.code(), n.keyId())),
                    new AtomicReference<>()));
        }
        return journal.record(new ScanJournal.Entry(who.actor(), orgId, prepared)).stream()
                .map(Scanned::answer).toList();
    }

    /**
     * After a group's commit, for all its requests at once: Redis learns the committed moves (one call per show),
     * the scans decided now are counted (one call per show; a resent nonce was counted when first decided) and
     * metered.
     */
    private void afterCommit(List<ScanJournal.Entry> group, List<List<Scanned>> answers) {
        List<ScanPresence.Change> moved = new ArrayList<>();
        List<ScanCounters.Counted> decided = new ArrayList<>();
        for (int e = 0; e < group.size(); e++) {
            ScanJournal.Entry entry = group.get(e);
            for (int i = 0; i < entry.scans().size(); i++) {
                Prepared prepared = entry.scans().get(i);
                Scanned scanned = answers.get(e).get(i);
                ScanPresence.Change made = prepared.made().get();
                if (made != null) {
                    moved.add(made);
                }
                if (!scanned.replayed()) {
                    telemetry.scanned(entry.orgId(), scanned.result());
                    Claim claim = prepared.claim();
                    decided.add(new ScanCounters.Counted(claim.session().eventId(), claim.session().gate(),
                            claim.deviceId(), scanned.result()));
                }
            }
        }
        presence.committed(moved);
        counters.count(decided);
    }

    /** What a group's scans read together before any is decided: the nonces they claimed, the tickets found. */
    private record GroupReads(Set<UUID> claimed, Map<ScanStore.TicketAsked, TicketFacts> tickets) {

        static GroupReads of(Transaction tx, List<ScanJournal.Entry> group) {
            List<Prepared> all = group.stream().flatMap(e -> e.scans().stream()).toList();
            Set<UUID> claimed = ScanStore.claimAll(tx.sql(), all.stream().map(Prepared::claim).toList());
            Set<ScanStore.TicketAsked> asked = new HashSet<>();
            all.stream().filter(p -> claimed.contains(p.claim().scanId())).forEach(p -> p.asked().ifPresent(asked::add));
            return new GroupReads(claimed, ScanStore.tickets(tx.sql(), asked));
        }
    }

    private Scanned decide(Transaction tx, ScanWrites out, Prepared p, GroupReads reads, ScanPresence.Round round) {
        Claim claim = p.claim();
        if (!reads.claimed().contains(claim.scanId())) {
            // a resend: of a scan earlier in this group, or of one committed before (or waited for by the claim)
            ScanAnswer stored = out.answered(claim.session().id(), claim.nonce())
                    .or(() -> ScanStore.answerOf(tx.sql(), claim.session().id(), claim.nonce()))
                    .orElseThrow(() -> new IllegalStateException("nonce claimed but no scan recorded"));
            return new Scanned(stored, null, true);
        }
        Optional<TicketFacts> found = p.asked().map(a -> reads.tickets().get(a));
        if (found.isEmpty()) {
            return ScanEvents.rejected(tx, out, claim, ScanResult.INVALID, null, null);
        }
        TicketFacts ticket = found.get();
        Optional<ScanResult> refusal = ScanRules.refusal(ticket, claim.session());
        if (refusal.isPresent()) {
            return ScanEvents.rejected(tx, out, claim, refusal.get(), ticket, null);
        }
        return presence.decide(round, out, claim, ticket, p.made());
    }

    /**
     * The journal's transaction: the group's nonces claimed and its tickets read in one statement each, then each
     * request's scans decided in order under its own actor, in one round, so a scan sees the ones before it, those
     * of earlier requests included (a resent nonce gets the first answer, a ticket moved earlier is decided by
     * PostgreSQL). The answers and events of all are written together at the end, the events taking the tickets'
     * sequence locks in one order.
     */
    private List<List<Scanned>> recordGroup(List<ScanJournal.Entry> group) {
        try {
            return recordGroup(group, true);
        } catch (ScanPresence.AdmissionRefused refused) {
            // rare (Redis rebuilt while another node's admission was being committed): decided again, each
            // admission inserted at once so a refused one is settled by PostgreSQL's state
            group.forEach(entry -> undoAll(entry, refused));
            return recordGroup(group, false);
        }
    }

    private List<List<Scanned>> recordGroup(List<ScanJournal.Entry> group, boolean deferAdmissions) {
        return outbox.transact(Actor.system(), tx -> {
            // every scan request of the node waits on this transaction: a lock held elsewhere for too long fails
            // it (and its requests are then recorded one by one) rather than stalling the gate; tickets and
            // scans grow all day, so each statement is planned for them as they are (LocalSettings)
            LocalSettings.apply(tx.sql(), GROUP_SETTINGS);
            GroupReads reads = GroupReads.of(tx, group);
            ScanWrites out = new ScanWrites();
            List<List<Scanned>> answered = new ArrayList<>(group.size());
            ScanPresence.Round round = new ScanPresence.Round(tx, deferAdmissions);
            if (deferAdmissions) {
                presence.askAll(round, reachingRedis(group, reads));
            }
            for (ScanJournal.Entry entry : group) {
                Transaction acting = tx.actingAs(entry.actor());
                ScanPresence.Round actingRound = round.actingIn(acting);
                List<Scanned> scans = new ArrayList<>(entry.scans().size());
                for (Prepared p : entry.scans()) {
                    scans.add(decide(acting, out, p, reads, actingRound));
                }
                answered.add(scans);
            }
            round.flush();
            out.write(tx);
            return answered;
        });
    }

    /** The group's scans that will ask Redis: claimed now, their ticket found and let through by the rules. */
    private static List<ScanPresence.Candidate> reachingRedis(List<ScanJournal.Entry> group, GroupReads reads) {
        List<ScanPresence.Candidate> candidates = new ArrayList<>();
        for (ScanJournal.Entry entry : group) {
            for (Prepared p : entry.scans()) {
                Optional<TicketFacts> ticket = p.asked().map(a -> reads.tickets().get(a));
                if (reads.claimed().contains(p.claim().scanId()) && ticket.isPresent()
                        && ScanRules.refusal(ticket.get(), p.claim().session()).isEmpty()) {
                    candidates.add(new ScanPresence.Candidate(p.claim(), ticket.get(), p.made()));
                }
            }
        }
        return candidates;
    }

    private void undoAll(ScanJournal.Entry entry, RuntimeException cause) {
        for (Prepared p : entry.scans()) {
            ScanPresence.Change made = p.made().getAndSet(null);
            if (made != null) {
                presence.undo(made, cause);
            }
        }
    }

    @Override
    public void close() {
        journal.close();
    }

    /** What {@link ScanEvents} hands back to the decision. */
    static Scanned scanned(ScanAnswer answer, ScanResult result) {
        return new Scanned(answer, result, false);
    }
}
