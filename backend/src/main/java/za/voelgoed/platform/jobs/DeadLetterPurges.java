package za.voelgoed.platform.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Deleting dead letters with their args and errors, and the discarded jobs behind them: by an operator
 * (one organisation, entries that died before an instant) or by the retention (every organisation,
 * entries past their days). Each purge that deletes writes a {@code dead_letter_purges} row and emits
 * {@code dlq.purged.v1} per organisation, in the transaction that deletes; the entries' audit rows stay.
 */
final class DeadLetterPurges {

    /** The most entries one request deletes, so no request holds thousands of row locks for long. */
    static final int MAX_PER_REQUEST = 5_000;

    private final Outbox outbox;
    private final DSLContext dsl;

    DeadLetterPurges(Outbox outbox, DSLContext dsl) {
        this.outbox = outbox;
        this.dsl = dsl;
    }

    /** A dry run counts every match; a real run deletes up to {@link #MAX_PER_REQUEST} and says if more match. */
    DeadLetterResults.PurgeResult byOperator(UUID org, PurgeScope scope, Instant olderThan, String actor,
                                             String reason, boolean dryRun) {
        OffsetDateTime before = olderThan.atOffset(ZoneOffset.UTC);
        if (dryRun) {
            return new DeadLetterResults.PurgeResult(true, DeadLetterPurgeStore.count(dsl, org, scope, before), false);
        }
        return outbox.transact(new Actor(null, null, actor), tx -> {
            int purged = deleteWithJobs(tx, org, scope, before, MAX_PER_REQUEST).size();
            record(tx, org, scope, before, actor, reason, purged);
            return new DeadLetterResults.PurgeResult(false, purged, purged == MAX_PER_REQUEST);
        });
    }

    /** One batch of the retention: entries of {@code scope} dead for over {@code days}; how many, per organisation. */
    Map<UUID, Integer> expired(PurgeScope scope, int days, int batch) {
        return outbox.transact(Actor.system(), tx -> {
            OffsetDateTime before = DeadLetterPurgeStore.daysAgo(tx.sql(), days);
            Map<UUID, Integer> perOrg = new TreeMap<>();
            deleteWithJobs(tx, null, scope, before, batch)
                    .forEach(gone -> perOrg.merge(gone.organizationId(), 1, Integer::sum));
            String reason = "retention: " + scope.wire() + " dead letters are kept " + days + " days";
            perOrg.forEach((org, purged) -> record(tx, org, scope, before, "system", reason, purged));
            return perOrg;
        });
    }

    private static List<DeadLetterPurgeStore.Gone> deleteWithJobs(Transaction tx, UUID org, PurgeScope scope,
                                                                  OffsetDateTime before, int limit) {
        List<DeadLetterPurgeStore.Gone> gone = DeadLetterPurgeStore.delete(tx.sql(), org, scope, before, limit);
        DeadLetterPurgeStore.deleteDiscardedJobs(tx.sql(),
                gone.stream().map(DeadLetterPurgeStore.Gone::jobId).distinct().toList());
        return gone;
    }

    private static void record(Transaction tx, UUID org, PurgeScope scope, OffsetDateTime before, String actor,
                               String rawReason, int purged) {
        UUID id = UUID.randomUUID();
        String reason = PiiScrubber.scrubText(rawReason);
        DeadLetterPurgeStore.record(tx.sql(), id, org, actor, reason, scope, before, purged);
        tx.emit(EventTypes.DLQ_PURGED_V1, org, id, Json.object().put("purge_id", id.toString())
                .put("status", scope.wire()).put("older_than", before.toInstant().toString()).put("purged", purged)
                .put("actor", actor).put("reason", reason));
    }
}
