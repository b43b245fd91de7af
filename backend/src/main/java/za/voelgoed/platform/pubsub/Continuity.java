package za.voelgoed.platform.pubsub;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * That this node delivers every dispatched event of every organisation, in offset order, whatever Redis
 * lost. Each message names the offset of its organisation's event before it; when that is not the last one
 * this node delivered, the events in between were published while this node was not listening (its link
 * dropped, Redis restarted, a publish failed) and are read back from the outbox before the message is
 * delivered. They are there: an organisation's later events are published only after its earlier ones
 * committed. After the link comes back, every organisation is caught up to its newest offset the same way.
 * A loss that cannot be read back (too large, or the outbox unreachable) is reported, so the affected
 * sockets can be told to resync. Used by the delivery thread only.
 */
final class Continuity {

    private static final System.Logger LOG = System.getLogger(Continuity.class.getName());
    /** The most events read back for one loss; a longer loss makes the organisation's clients resync. */
    static final int MAX_FILL = 10_000;

    private final Backfill backfill;
    private final PubSubTelemetry telemetry;
    private final Consumer<UUID> unrecoverable;
    private final Map<UUID, Long> delivered = new HashMap<>();
    private boolean knowsEveryHead;

    Continuity(Backfill backfill, PubSubTelemetry telemetry, Consumer<UUID> unrecoverable) {
        this.backfill = backfill;
        this.telemetry = telemetry;
        this.unrecoverable = unrecoverable;
    }

    /** Before the first message: every organisation's newest offset is where this node starts. */
    void adoptHeads() {
        try {
            delivered.putAll(backfill.heads());
            knowsEveryHead = true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pubsub_heads_unavailable error=\"" + e.getMessage()
                    + "\"; losses before the first message of an organisation go unnoticed until the link drops");
        }
    }

    /** What to deliver for an arriving batch: any events read back for a loss, then its messages not seen yet. */
    List<Routed> admit(List<Routed> batch) {
        List<Routed> out = new ArrayList<>(batch.size());
        for (Routed routed : batch) {
            long offset = routed.message().offset();
            if (offset == 0) {
                out.add(routed);
                continue;
            }
            UUID org = routed.message().orgId();
            Long seen = seen(org);
            if (seen != null && offset <= seen) {
                telemetry.dropped(org, "already_delivered");
                continue;
            }
            if (seen != null && routed.previousOffset() != seen) {
                out.addAll(readBack(org, seen, offset));
            }
            delivered.put(org, offset);
            out.add(routed);
        }
        return out;
    }

    /** After the link came back: what every organisation dispatched meanwhile, up to its newest offset. */
    List<Routed> catchUp() {
        Map<UUID, Long> heads;
        try {
            heads = backfill.heads();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pubsub_catch_up_failed error=\"" + e.getMessage() + "\"");
            delivered.keySet().forEach(unrecoverable);
            return List.of();
        }
        List<Routed> out = new ArrayList<>();
        heads.forEach((org, head) -> {
            Long seen = seen(org);
            if (seen == null) {
                unrecoverable.accept(org);
            } else if (head > seen) {
                out.addAll(readBack(org, seen, head + 1));
            }
            delivered.merge(org, head, Math::max);
        });
        return out;
    }

    private Long seen(UUID org) {
        Long seen = delivered.get(org);
        // an organisation absent when every head was read had dispatched nothing yet
        return seen != null ? seen : knowsEveryHead ? Long.valueOf(0) : null;
    }

    private List<Routed> readBack(UUID org, long after, long before) {
        try {
            List<Routed> missing = backfill.between(org, after, before, MAX_FILL + 1);
            if (missing.size() > MAX_FILL) {
                giveUp(org, "more than " + MAX_FILL + " events");
                return List.of();
            }
            if (!missing.isEmpty()) {
                telemetry.readBack(org, missing.size());
                LOG.log(Level.WARNING, "pubsub_loss_read_back organization=" + org + " events=" + missing.size()
                        + " after_offset=" + after);
            }
            return missing;
        } catch (RuntimeException e) {
            giveUp(org, e.getMessage());
            return List.of();
        }
    }

    private void giveUp(UUID org, String why) {
        telemetry.dropped(org, "loss_not_read_back");
        LOG.log(Level.WARNING, "pubsub_loss_not_read_back organization=" + org + " reason=\"" + why
                + "\"; its subscribers resync");
        unrecoverable.accept(org);
    }
}
