package za.voelgoed.seating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import za.voelgoed.platform.db.LocalSettings;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;

/**
 * One batch of the {@link HoldJournal} inside one transaction. Locks are taken in one order — the ended
 * holds' rows (by id; one a checkout has locked is skipped and its end tried again later), the new holds'
 * seats, then ticket types (by show and code) — the order a checkout takes them in, so batches and
 * checkouts wait for each other but never deadlock.
 */
final class HoldBatch {

    private static final int LOCK_TIMEOUT_MS = 5_000;
    private static final int STATEMENT_TIMEOUT_MS = 10_000;
    /**
     * A hold is worth less than a sale: a crash may lose the last few (Redis and the buyer's retry cover it),
     * and not waiting for the WAL flush shortens the locks on the ticket types' rows. Every hold request of the
     * node waits on the batch: a lock held elsewhere too long fails it (its changes are then tried one by one)
     * rather than stalling the sale. The holds table grows by every hold: custom plans ({@link LocalSettings}).
     */
    static final Map<String, String> SETTINGS = LocalSettings.withCustomPlans(Map.of(
            "synchronous_commit", "off",
            "lock_timeout", LOCK_TIMEOUT_MS + "ms",
            "statement_timeout", STATEMENT_TIMEOUT_MS + "ms"));

    private final Clock clock;
    /** The payload of an ending hold's event, read through the batch's transaction. */
    private final BiFunction<org.jooq.DSLContext, Hold, ObjectNode> eventData;

    HoldBatch(Clock clock, BiFunction<org.jooq.DSLContext, Hold, ObjectNode> eventData) {
        this.clock = clock;
        this.eventData = eventData;
    }

    static HoldJournal.Refused refusedAsTaken(Hold hold) {
        return hold.isGeneralAdmission()
                ? new HoldJournal.Refused("sold_out", "the inventory changed under this request; try again")
                : new HoldJournal.Refused("seats_taken", "the inventory changed under this request; try again");
    }

    Map<HoldJournal.Change, HoldJournal.Result> apply(Transaction tx, List<HoldJournal.Change> changes) {
        LocalSettings.apply(tx.sql(), SETTINGS);
        Map<HoldJournal.Change, HoldJournal.Result> results = new IdentityHashMap<>();
        List<Hold> ended = endable(tx, changes, results);
        List<HoldJournal.Create> creates = onSale(tx, changes, results);
        creates = withOpenSeats(tx, creates, results);
        creates = countTicketTypes(tx, creates, ended, results);
        HoldBatchStore.deleteHeldClaims(tx.sql(), ended.stream().filter(h -> !h.isGeneralAdmission()).map(Hold::id).toList());
        creates = claimSeats(tx, creates, results);
        HoldBatchStore.endHolds(tx.sql(), ended, statusOf(changes, results));
        HoldBatchStore.insertHolds(tx.sql(), creates.stream().map(HoldJournal.Create::hold).toList());
        emit(tx, changes, creates, results);
        creates.forEach(c -> results.put(c, new HoldJournal.Recorded()));
        return results;
    }

    /** Locks the holds to end; those active (and due, where asked) end, each once even if asked twice. */
    private List<Hold> endable(Transaction tx, List<HoldJournal.Change> changes,
                               Map<HoldJournal.Change, HoldJournal.Result> results) {
        List<HoldJournal.End> ends = changes.stream().filter(HoldJournal.End.class::isInstance)
                .map(HoldJournal.End.class::cast).toList();
        if (ends.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = ends.stream().map(HoldJournal.End::holdId).distinct().toList();
        Map<UUID, Hold> locked = HoldBatchStore.lockFreeHolds(tx.sql(), ids);
        Set<UUID> busy = HoldBatchStore.existing(tx.sql(), ids.stream().filter(id -> !locked.containsKey(id)).toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> ending = new HashSet<>();
        List<Hold> ended = new ArrayList<>();
        for (HoldJournal.End end : ends) {
            if (busy.contains(end.holdId())) {
                results.put(end, new HoldJournal.Busy());
                continue;
            }
            Hold hold = locked.get(end.holdId());
            boolean endsNow = hold != null && hold.organizationId().equals(end.orgId()) && hold.status().equals(Hold.ACTIVE)
                    && (!end.onlyIfDue() || !hold.expiresAt().isAfter(now)) && ending.add(hold.id());
            results.put(end, endsNow ? new HoldJournal.Ended(hold) : new HoldJournal.NotEnded());
            if (endsNow) {
                ended.add(hold);
            }
        }
        return ended;
    }

    private List<HoldJournal.Create> onSale(Transaction tx, List<HoldJournal.Change> changes,
                                            Map<HoldJournal.Change, HoldJournal.Result> results) {
        List<HoldJournal.Create> creates = changes.stream().filter(HoldJournal.Create.class::isInstance)
                .map(HoldJournal.Create.class::cast).toList();
        if (creates.isEmpty()) {
            return creates;
        }
        Set<UUID> published = HoldBatchStore.publishedAmong(tx.sql(),
                creates.stream().map(c -> c.hold().eventId()).distinct().toList());
        return keep(creates, c -> published.contains(c.hold().eventId()), results,
                new HoldJournal.Refused("event_not_on_sale", "the event is not on sale"));
    }

    /** The seats must still be on public sale: locked so an allocation cannot take them meanwhile. */
    private List<HoldJournal.Create> withOpenSeats(Transaction tx, List<HoldJournal.Create> creates,
                                                   Map<HoldJournal.Change, HoldJournal.Result> results) {
        List<Hold> seated = creates.stream().map(HoldJournal.Create::hold).filter(h -> !h.isGeneralAdmission()).toList();
        if (seated.isEmpty()) {
            return creates;
        }
        Set<HoldBatchStore.SeatKey> open = HoldBatchStore.lockOpenSeats(tx.sql(), seated);
        return keep(creates, c -> c.hold().isGeneralAdmission() || c.hold().seatIndexes().stream()
                        .allMatch(i -> open.contains(new HoldBatchStore.SeatKey(c.hold().eventId(), i))), results,
                new HoldJournal.Refused("seats_taken", "some of the seats are not on public sale"));
    }

    /**
     * Applies each ticket type's net change (holds ending give back, new holds take) in one update per type;
     * when the sum would pass capacity, the new holds of that type are counted one at a time instead and
     * those that do not fit are refused.
     */
    private List<HoldJournal.Create> countTicketTypes(Transaction tx, List<HoldJournal.Create> creates, List<Hold> ended,
                                                      Map<HoldJournal.Change, HoldJournal.Result> results) {
        Map<HoldBatchStore.TypeKey, int[]> deltas = new TreeMap<>();
        for (Hold hold : ended) {
            if (hold.isGeneralAdmission()) {
                deltas.computeIfAbsent(HoldBatchStore.TypeKey.of(hold), k -> new int[2])[0] += hold.quantity();
            }
        }
        Map<HoldBatchStore.TypeKey, List<HoldJournal.Create>> byType = new HashMap<>();
        for (HoldJournal.Create create : creates) {
            if (create.hold().isGeneralAdmission()) {
                HoldBatchStore.TypeKey key = HoldBatchStore.TypeKey.of(create.hold());
                deltas.computeIfAbsent(key, k -> new int[2])[1] += create.hold().quantity();
                byType.computeIfAbsent(key, k -> new ArrayList<>()).add(create);
            }
        }
        Set<HoldJournal.Create> refused = new HashSet<>();
        deltas.forEach((key, delta) -> {
            if (HoldBatchStore.addHeld(tx.sql(), key, delta[1] - delta[0])) {
                return;
            }
            HoldBatchStore.addHeld(tx.sql(), key, -delta[0]);
            for (HoldJournal.Create create : byType.getOrDefault(key, List.of())) {
                if (!HoldBatchStore.addHeld(tx.sql(), key, create.hold().quantity())) {
                    refused.add(create);
                }
            }
        });
        return keep(creates, c -> !refused.contains(c), results, null);
    }

    private List<HoldJournal.Create> claimSeats(Transaction tx, List<HoldJournal.Create> creates,
                                                Map<HoldJournal.Change, HoldJournal.Result> results) {
        List<Hold> seated = creates.stream().map(HoldJournal.Create::hold).filter(h -> !h.isGeneralAdmission()).toList();
        if (seated.isEmpty()) {
            return creates;
        }
        Map<UUID, Integer> claimed = HoldBatchStore.claimSeats(tx.sql(), seated);
        List<UUID> unclaimed = seated.stream().filter(h -> claimed.getOrDefault(h.id(), 0) < h.seatIndexes().size())
                .map(Hold::id).toList();
        if (unclaimed.isEmpty()) {
            return creates;
        }
        HoldBatchStore.deleteHeldClaims(tx.sql(), unclaimed);
        Set<UUID> refused = new HashSet<>(unclaimed);
        return keep(creates, c -> !refused.contains(c.hold().id()), results, null);
    }

    private static Map<UUID, String> statusOf(List<HoldJournal.Change> changes,
                                              Map<HoldJournal.Change, HoldJournal.Result> results) {
        Map<UUID, String> status = new HashMap<>();
        for (HoldJournal.Change change : changes) {
            if (change instanceof HoldJournal.End end && results.get(end) instanceof HoldJournal.Ended) {
                status.put(end.holdId(), end.status());
            }
        }
        return status;
    }

    private void emit(Transaction tx, List<HoldJournal.Change> changes, List<HoldJournal.Create> recorded,
                      Map<HoldJournal.Change, HoldJournal.Result> results) {
        List<Transaction.Emission> emissions = new ArrayList<>();
        for (HoldJournal.Create create : recorded) {
            emissions.add(new Transaction.Emission(create.actor(), EventTypes.SEAT_HOLD_CREATED_V1,
                    create.hold().organizationId(), create.hold().id(), create.event()));
        }
        for (HoldJournal.Change change : changes) {
            if (change instanceof HoldJournal.End end && results.get(end) instanceof HoldJournal.Ended(Hold hold)) {
                emissions.add(new Transaction.Emission(end.actor(), end.status().equals(Hold.EXPIRED)
                        ? EventTypes.SEAT_HOLD_EXPIRED_V1 : EventTypes.SEAT_HOLD_RELEASED_V1, hold.organizationId(),
                        hold.id(), eventData.apply(tx.sql(), hold)));
            }
        }
        tx.emitAll(emissions);
    }

    /**
     * The creates that pass; the others get {@code refusal}, or the refusal that fits their kind of hold
     * when it is null.
     */
    private static List<HoldJournal.Create> keep(List<HoldJournal.Create> creates,
                                                 java.util.function.Predicate<HoldJournal.Create> passes,
                                                 Map<HoldJournal.Change, HoldJournal.Result> results,
                                                 HoldJournal.Refused refusal) {
        List<HoldJournal.Create> kept = new ArrayList<>(creates.size());
        for (HoldJournal.Create create : creates) {
            if (passes.test(create)) {
                kept.add(create);
            } else {
                results.put(create, refusal != null ? refusal : refusedAsTaken(create.hold()));
            }
        }
        return kept;
    }
}
