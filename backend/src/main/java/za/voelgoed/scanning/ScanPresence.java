package za.voelgoed.scanning;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.scanning.RedisAdmissions.Admission;
import za.voelgoed.scanning.RedisAdmissions.Committed;
import za.voelgoed.scanning.RedisAdmissions.Verdict;
import za.voelgoed.scanning.ScanStore.Claim;

/**
 * Decides the scan of a ticket the rules let through (ADR 0022, 0024): the doors time, then Redis says whether it
 * is a first admission (made in Redis at once and undone if its transaction fails), a refusal, or an exit or
 * re-entry; PostgreSQL confirms an admission by its primary key and a move by {@code where moves = <state Redis
 * saw>}. When PostgreSQL disagrees, its state decides, read under the row's lock. Redis learns committed states
 * after the transaction ({@link #committed}), so it never counts a move that did not happen.
 */
final class ScanPresence {

    /** What a scan changed: the admission Redis made (undone on failure) and the state to write once committed. */
    record Change(UUID eventId, Admission provisional, Committed committed) {
    }

    /**
     * One transaction's scans: the shows' settings, read once, and the tickets moved so far, which Redis does not
     * know of before the commit: a later scan of one of them in the same batch is decided by PostgreSQL.
     */
    static final class Round {
        private final Transaction tx;
        private final Map<UUID, ShowSettings> shows;
        private final Set<UUID> moved;
        /** Admissions Redis made, inserted together ({@link #flush}); null when each is inserted at once. */
        private final List<ScanStore.Admit> deferred;
        /** What Redis decided ahead for a scan ({@link #askAll}), by scan id, until the scan is decided. */
        private final Map<UUID, Asked> asked;

        /**
         * A round; {@code deferAdmissions} inserts its admissions in one statement, before anything reads them
         * and at the end ({@link #flush}), which fails the round if PostgreSQL refuses one of them.
         */
        Round(Transaction tx, boolean deferAdmissions) {
            this.tx = tx;
            this.shows = new HashMap<>();
            this.moved = new HashSet<>();
            this.deferred = deferAdmissions ? new ArrayList<>() : null;
            this.asked = new HashMap<>();
        }

        private Round(Transaction tx, Round shared) {
            this.tx = tx;
            this.shows = shared.shows;
            this.moved = shared.moved;
            this.deferred = shared.deferred;
            this.asked = shared.asked;
        }

        /**
         * Inserts the deferred admissions; {@link AdmissionRefused} if PostgreSQL had one of the tickets admitted
         * already (Redis was rebuilt without it): the round's answers are then wrong, and it is decided again with
         * each admission inserted at once, the way that settles such a ticket by PostgreSQL's state.
         */
        void flush() {
            if (deferred == null || deferred.isEmpty()) {
                return;
            }
            Set<UUID> admitted = ScanStore.admitAll(tx.sql(), deferred);
            if (admitted.size() != deferred.size()) {
                throw new AdmissionRefused();
            }
            deferred.clear();
        }

        /**
         * This round for the next request of a group commit (ADR 0026): what it read and moved is shared, the
         * events are written through {@code acting}, under that request's actor.
         */
        Round actingIn(Transaction acting) {
            return new Round(acting, this);
        }

        ShowSettings show(UUID eventId) {
            return shows.computeIfAbsent(eventId, e -> ScanSettings.of(tx.sql(), e));
        }
    }

    /** A scan that will reach Redis: its ticket found and let through by the rules. */
    record Candidate(Claim claim, TicketFacts ticket, AtomicReference<Change> made) {
    }

    /** Redis's verdict on a scan, decided ahead, with the admission (and so the time) it was decided with. */
    private record Asked(Admission mine, Verdict verdict) {
    }

    /** PostgreSQL refused an admission a round deferred: decide the round again without deferring. */
    static final class AdmissionRefused extends RuntimeException {
        AdmissionRefused() {
            super("a ticket admitted in Redis was admitted in PostgreSQL already", null, false, false);
        }
    }

    private static final System.Logger LOG = System.getLogger(ScanPresence.class.getName());

    private final RedisAdmissions redis;
    private final DSLContext dsl;
    private final Clock clock;

    ScanPresence(RedisAdmissions redis, DSLContext dsl, Clock clock) {
        this.redis = redis;
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Asks Redis about a group's candidates in one call per show, in order, before any is decided: what
     * {@link #decide} would ask one by one, at the same time of each (so the doors check agrees). An admission made
     * is recorded in the candidate's change at once, so a transaction that fails takes it back.
     */
    void askAll(Round round, List<Candidate> candidates) {
        Map<UUID, List<Candidate>> byShow = new LinkedHashMap<>();
        Map<UUID, List<RedisAdmissions.Ask>> asks = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            UUID eventId = c.claim().session().eventId();
            ShowSettings show = round.show(eventId);
            Direction way = Direction.of(c.claim().direction()).orElseThrow();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (ScanRules.beforeDoors(show, way, now).isEmpty()) {
                byShow.computeIfAbsent(eventId, e -> new ArrayList<>()).add(c);
                asks.computeIfAbsent(eventId, e -> new ArrayList<>()).add(new RedisAdmissions.Ask(c.ticket().ticketId(),
                        way, show.reentryAllowed(), new Admission(c.claim().scanId(), now, c.claim().deviceId(),
                                c.claim().session().gate())));
            }
        }
        byShow.forEach((eventId, shown) -> {
            List<RedisAdmissions.Ask> showAsks = asks.get(eventId);
            List<Verdict> verdicts = scanAllInRedis(round.tx, eventId, showAsks);
            for (int i = 0; i < shown.size(); i++) {
                Admission mine = showAsks.get(i).admission();
                if (verdicts.get(i) instanceof Verdict.Admitted) {
                    shown.get(i).made().set(new Change(eventId, mine, new Committed(shown.get(i).ticket().ticketId(),
                            mine, 1)));
                }
                round.asked.put(shown.get(i).claim().scanId(), new Asked(mine, verdicts.get(i)));
            }
        });
    }

    Scans.Scanned decide(Round round, ScanWrites out, Claim claim, TicketFacts ticket,
                         AtomicReference<Change> made) {
        Transaction tx = round.tx;
        ShowSettings show = round.show(claim.session().eventId());
        Direction way = Direction.of(claim.direction()).orElseThrow();
        Asked ahead = round.asked.remove(claim.scanId());
        Instant now = ahead != null ? ahead.mine().at() : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ScanResult> early = ScanRules.beforeDoors(show, way, now);
        if (early.isPresent()) {
            return ScanEvents.rejected(tx, out, claim, early.get(), ticket, null);
        }
        if (round.moved.contains(ticket.ticketId())) {
            return settle(round, out, claim, ticket, show, made);
        }
        Admission mine = ahead != null ? ahead.mine()
                : new Admission(claim.scanId(), now, claim.deviceId(), claim.session().gate());
        Verdict verdict = ahead != null ? ahead.verdict() : scanInRedis(tx, claim.session().eventId(),
                ticket.ticketId(), way, show.reentryAllowed(), mine);
        return switch (verdict) {
            case Verdict.Admitted a -> admit(round, out, claim, ticket, show, mine, made);
            case Verdict.Move m -> move(round, out, claim, ticket, show, m.state(), made);
            case Verdict.Refused r -> r.step() == Presence.Step.NOT_INSIDE
                    ? ScanEvents.rejected(tx, out, claim, ScanResult.NOT_INSIDE, ticket, null)
                    : ScanEvents.rejected(tx, out, claim, ScanResult.ALREADY_REDEEMED, ticket,
                            r.first().or(() -> recorded(round, ticket)).map(Admission::view).orElse(null));
            case Verdict.NotLoaded n -> throw new IllegalStateException("not loaded after loading");
        };
    }

    private Scans.Scanned admit(Round round, ScanWrites out, Claim claim, TicketFacts ticket,
                                ShowSettings show, Admission mine, AtomicReference<Change> made) {
        Transaction tx = round.tx;
        UUID eventId = claim.session().eventId();
        made.set(new Change(eventId, mine, new Committed(ticket.ticketId(), mine, 1)));
        if (round.deferred != null) {
            round.deferred.add(new ScanStore.Admit(claim, ticket.ticketId(), mine));
            return ScanEvents.accepted(tx, out, claim, ticket);
        }
        if (ScanStore.admit(tx.sql(), claim, ticket.ticketId(), mine)) {
            return ScanEvents.accepted(tx, out, claim, ticket);
        }
        // Redis was rebuilt without an admission still being committed: PostgreSQL's answer stands
        Committed recorded = ScanStore.presenceForUpdate(tx.sql(), ticket.ticketId()).orElseThrow();
        redis.correct(eventId, ticket.ticketId(), recorded.admission(), recorded.state());
        made.set(null);
        return settle(round, out, claim, ticket, show, made);
    }

    private Scans.Scanned move(Round round, ScanWrites out, Claim claim, TicketFacts ticket, ShowSettings show,
                               int from, AtomicReference<Change> made) {
        Transaction tx = round.tx;
        round.flush();
        if (!ScanStore.move(tx.sql(), ticket.ticketId(), from, claim.scanId(), clock.instant())) {
            return settle(round, out, claim, ticket, show, made);
        }
        round.moved.add(ticket.ticketId());
        made.set(new Change(claim.session().eventId(), null, new Committed(ticket.ticketId(), null, from + 1)));
        return ScanEvents.moved(tx, out, claim, ticket);
    }

    /**
     * Decides by PostgreSQL's state, locked: Redis was behind it (a rebuild that missed a commit) or ahead of it (a
     * move decided in Redis, not committed yet, which this scan now waits for or precedes).
     */
    private Scans.Scanned settle(Round round, ScanWrites out, Claim claim, TicketFacts ticket,
                                 ShowSettings show, AtomicReference<Change> made) {
        Transaction tx = round.tx;
        UUID eventId = claim.session().eventId();
        round.flush();
        Optional<Committed> recorded = ScanStore.presenceForUpdate(tx.sql(), ticket.ticketId());
        int state = recorded.map(Committed::state).orElse(0);
        Presence.Step step = Presence.step(Direction.of(claim.direction()).orElseThrow(), state,
                show.reentryAllowed());
        if (step == Presence.Step.MOVE && ScanStore.move(tx.sql(), ticket.ticketId(), state, claim.scanId(),
                clock.instant())) {
            round.moved.add(ticket.ticketId());
            made.set(new Change(eventId, null, new Committed(ticket.ticketId(), null, state + 1)));
            return ScanEvents.moved(tx, out, claim, ticket);
        }
        recorded.ifPresent(r -> made.set(new Change(eventId, null, r)));
        // an admission seen in Redis and not committed yet is another scan's: this one does not admit again
        ScanResult result = step == Presence.Step.NOT_INSIDE ? ScanResult.NOT_INSIDE : ScanResult.ALREADY_REDEEMED;
        return ScanEvents.rejected(tx, out, claim, result, ticket, result == ScanResult.NOT_INSIDE ? null
                : recorded.map(r -> r.admission().view()).orElse(null));
    }

    private static Optional<Admission> recorded(Round round, TicketFacts ticket) {
        round.flush();
        return ScanStore.admission(round.tx.sql(), ticket.ticketId());
    }

    /** Takes back what a failed transaction's scans did in Redis; a Redis that fails too is the rebuild's to fix. */
    void undo(Change change, RuntimeException cause) {
        if (change.provisional() == null) {
            return;
        }
        try {
            redis.undo(change.eventId(), change.committed().ticketId(), change.provisional());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.log(System.Logger.Level.WARNING, "scan_admission_not_undone event=" + change.eventId()
                    + " error=\"" + e + "\"");
        }
    }

    /**
     * Writes what committed into Redis, one call per show: the moves Redis did not write when deciding, and the
     * admissions a rebuild during the transaction may have missed. A Redis that fails is logged; the next load or
     * the next scan of the ticket catches up.
     */
    void committed(List<Change> changes) {
        Map<UUID, List<Committed>> byShow = new LinkedHashMap<>();
        for (Change c : changes) {
            byShow.computeIfAbsent(c.eventId(), e -> new ArrayList<>()).add(c.committed());
        }
        byShow.forEach((event, committed) -> {
            try {
                redis.apply(event, committed);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "scan_presence_not_applied event=" + event + " error=\"" + e
                        + "\"");
            }
        });
    }

    /** The show's inside and exited counts, loading the show into Redis from PostgreSQL first if it is not. */
    RedisAdmissions.Counts counts(UUID eventId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<RedisAdmissions.Counts> counts = redis.counts(eventId);
            if (counts.isPresent()) {
                return counts.get();
            }
            load(dsl, eventId);
        }
        throw new IllegalStateException("the admissions of show " + eventId + " could not be loaded into Redis");
    }

    /** Asks Redis, loading the show's admissions from PostgreSQL first when Redis lost them. */
    private Verdict scanInRedis(Transaction tx, UUID eventId, UUID ticketId, Direction way, boolean reentry,
                                Admission mine) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Verdict verdict = redis.scan(eventId, ticketId, way, reentry, mine);
            if (!(verdict instanceof Verdict.NotLoaded)) {
                return verdict;
            }
            load(tx.sql(), eventId);
        }
        throw new IllegalStateException("the admissions of show " + eventId + " could not be loaded into Redis");
    }

    private List<Verdict> scanAllInRedis(Transaction tx, UUID eventId, List<RedisAdmissions.Ask> asks) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<List<Verdict>> verdicts = redis.scanAll(eventId, asks);
            if (verdicts.isPresent()) {
                return verdicts.get();
            }
            load(tx.sql(), eventId);
        }
        throw new IllegalStateException("the admissions of show " + eventId + " could not be loaded into Redis");
    }

    private void load(DSLContext sql, UUID eventId) {
        List<Committed> recorded = ScanStore.admissionsOf(sql, eventId);
        redis.load(eventId, recorded);
        LOG.log(System.Logger.Level.INFO, "scan_admissions_loaded event=" + eventId + " admissions="
                + recorded.size());
    }
}
