package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * The dead-letter queue: jobs enter when they run out of attempts; operators list, replay, discard or
 * purge them, and the retention purges them after their days. Every change writes an audit row and
 * emits a {@code dlq.*} event in the same transaction, so a console following {@code audit:org:{org_id}}
 * sees it live.
 */
public final class DeadLetters {

    /** The most entries one bulk action touches; larger selections are done page by page. */
    public static final int MAX_BULK = 1_000;

    private final Outbox outbox;
    private final DSLContext dsl;
    private final PiiScrubber scrubber = new PiiScrubber();
    private final DeadLetterPurges purges;

    public DeadLetters(Outbox outbox, DSLContext dsl) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.purges = new DeadLetterPurges(outbox, dsl);
    }

    /** Ends the claimed job as discarded and files it; empty when the claim was fenced off. */
    Optional<UUID> bury(Claim job, JsonNode lastError) {
        return outbox.transact(Actor.system(), tx -> JobStore.discard(tx.sql(), job, lastError).map(errors -> {
            // errors too: entries written before error text was scrubbed still hold it raw
            UUID id = DeadLetterStore.insert(tx.sql(), job, scrubber.scrub(job.args()), scrubber.scrub(errors));
            DeadLetter entry = DeadLetterStore.find(tx.sql(), job.organizationId(), id, false).orElseThrow();
            DeadLetterStore.audit(tx.sql(), entry, DeadLetter.DEAD, "system", lastError.path("error").asText());
            emit(tx, EventTypes.DLQ_ENTRY_ADDED_V1, entry, "system", null);
            return id;
        }));
    }

    public DeadLetterResults.Page page(UUID org, DeadLetterFilter filter, int limit, String cursor) {
        return DeadLetterStore.page(dsl, org, filter, limit, cursor);
    }

    public Optional<DeadLetter> find(UUID org, UUID id) {
        return DeadLetterStore.find(dsl, org, id, false);
    }

    public DeadLetterResults.ReplayResult replay(UUID org, Selection selection, String actor, String reason,
                                                 boolean dryRun) {
        return outbox.transact(new Actor(null, null, actor), tx -> {
            List<DeadLetterResults.Replayed> replayed = new ArrayList<>();
            List<DeadLetterResults.Skipped> skipped = new ArrayList<>();
            Set<QueueKind> woken = new HashSet<>();
            Selection.Resolved chosen = selection.resolve(tx.sql(), org);
            for (UUID id : chosen.ids()) {
                Optional<DeadLetter> found = DeadLetterStore.find(tx.sql(), org, id, true);
                Optional<DeadLetterResults.Skipped> refusal = found.isEmpty()
                        ? Optional.of(new DeadLetterResults.Skipped(id, "not_found", "no such dead letter"))
                        : whyNotReplay(tx.sql(), found.get());
                if (refusal.isPresent()) {
                    skipped.add(refusal.get());
                    continue;
                }
                DeadLetter entry = found.get();
                replayed.add(new DeadLetterResults.Replayed(id, entry.jobId()));
                if (!dryRun) {
                    DeadLetterStore.revive(tx.sql(), entry.jobId());
                    DeadLetterStore.resolve(tx.sql(), id, DeadLetter.REPLAYED, actor, reason);
                    DeadLetterStore.audit(tx.sql(), entry, DeadLetter.REPLAYED, actor, reason);
                    emit(tx, EventTypes.DLQ_ENTRY_REPLAYED_V1, entry, actor, reason);
                    QueueName.parse(entry.sourceQueue()).ifPresent(q -> woken.add(q.kind()));
                }
            }
            woken.forEach(kind -> JobStore.notifyKind(tx.sql(), kind));
            return new DeadLetterResults.ReplayResult(dryRun, replayed, skipped, chosen.more());
        });
    }

    /** Discards the selected entries; a dry run only says which it would discard, and changes (and audits) nothing. */
    public DeadLetterResults.DiscardResult discard(UUID org, Selection selection, String actor, String reason,
                                                   boolean dryRun) {
        return outbox.transact(new Actor(null, null, actor), tx -> {
            List<UUID> discarded = new ArrayList<>();
            List<DeadLetterResults.Skipped> skipped = new ArrayList<>();
            Selection.Resolved chosen = selection.resolve(tx.sql(), org);
            for (UUID id : chosen.ids()) {
                Optional<DeadLetter> found = DeadLetterStore.find(tx.sql(), org, id, true);
                if (found.isEmpty()) {
                    skipped.add(new DeadLetterResults.Skipped(id, "not_found", "no such dead letter"));
                } else if (!found.get().status().equals(DeadLetter.DEAD)) {
                    skipped.add(new DeadLetterResults.Skipped(id, "not_dead", "already " + found.get().status()));
                } else {
                    if (!dryRun) {
                        DeadLetterStore.resolve(tx.sql(), id, DeadLetter.DISCARDED, actor, reason);
                        DeadLetterStore.audit(tx.sql(), found.get(), DeadLetter.DISCARDED, actor, reason);
                        emit(tx, EventTypes.DLQ_ENTRY_DISCARDED_V1, found.get(), actor, reason);
                    }
                    discarded.add(id);
                }
            }
            return new DeadLetterResults.DiscardResult(discarded, skipped, dryRun, chosen.more());
        });
    }

    /** The organisation's audit trail, newest first, keyset-paged like {@link #page}. */
    public DeadLetterAudit.Page audit(UUID org, DeadLetterAudit.Filter filter, int limit, String cursor) {
        return DeadLetterAudit.page(dsl, org, filter, limit, cursor);
    }

    /**
     * Deletes the organisation's entries of {@code scope} that died before {@code olderThan}, with their
     * args, errors and discarded jobs; a dry run only counts them. Audited and announced like the rest.
     */
    public DeadLetterResults.PurgeResult purge(UUID org, PurgeScope scope, Instant olderThan, String actor,
                                               String reason, boolean dryRun) {
        return purges.byOperator(org, scope, olderThan, actor, reason, dryRun);
    }

    /** One batch of the retention over every organisation; how many entries went, per organisation. */
    Map<UUID, Integer> purgeExpired(PurgeScope scope, int days, int batch) {
        return purges.expired(scope, days, batch);
    }

    private static Optional<DeadLetterResults.Skipped> whyNotReplay(DSLContext tx, DeadLetter entry) {
        if (!entry.status().equals(DeadLetter.DEAD)) {
            return Optional.of(new DeadLetterResults.Skipped(entry.id(), "not_dead", "already " + entry.status()));
        }
        if (JobStore.effectApplied(tx, entry.idempotencyKey())) {
            return Optional.of(new DeadLetterResults.Skipped(entry.id(), "effect_already_applied",
                    "idempotency key " + entry.idempotencyKey() + " is already consumed"));
        }
        if (DeadLetterStore.uniqueKeyTaken(tx, entry, DeadLetterStore.uniqueKeyOf(tx, entry.id()))) {
            return Optional.of(new DeadLetterResults.Skipped(entry.id(), "duplicate_job",
                    "another live job holds the same unique key"));
        }
        return Optional.empty();
    }

    private static void emit(Transaction tx, String type, DeadLetter entry, String actor, String reason) {
        var data = Json.object()
                .put("dead_letter_id", entry.id().toString()).put("job_id", entry.jobId())
                .put("queue", entry.queue()).put("source_queue", entry.sourceQueue()).put("worker", entry.worker())
                .put("event_type", entry.eventType()).put("status", statusAfter(type)).put("actor", actor);
        if (reason != null) {
            data.put("reason", reason);
        }
        tx.emit(type, entry.organizationId(), entry.id(), data);
    }

    private static String statusAfter(String type) {
        return switch (type) {
            case EventTypes.DLQ_ENTRY_REPLAYED_V1 -> DeadLetter.REPLAYED;
            case EventTypes.DLQ_ENTRY_DISCARDED_V1 -> DeadLetter.DISCARDED;
            default -> DeadLetter.DEAD;
        };
    }

    /** Which entries an action is about: listed ids, or every entry a filter matches (up to MAX_BULK). */
    public record Selection(List<UUID> ids, DeadLetterFilter filter) {

        public static Selection of(UUID id) {
            return new Selection(List.of(id), null);
        }

        /** The ids, at most {@link #MAX_BULK}; {@code more}: the filter matched more than that. */
        record Resolved(List<UUID> ids, boolean more) {
        }

        Resolved resolve(DSLContext tx, UUID org) {
            if (ids != null) {
                return new Resolved(ids, false);
            }
            List<UUID> found = DeadLetterStore.select(tx, org, filter.withStatus(DeadLetter.DEAD), MAX_BULK + 1);
            return found.size() > MAX_BULK
                    ? new Resolved(found.subList(0, MAX_BULK), true) : new Resolved(found, false);
        }
    }
}
