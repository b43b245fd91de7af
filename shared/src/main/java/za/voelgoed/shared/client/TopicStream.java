package za.voelgoed.shared.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Resume;

/**
 * The client half of "reconnect without gaps", for one topic:
 * <ol>
 *   <li>apply each live event whose seq is the next for its resource; drop one already applied
 *       (a duplicate); report a jump ({@link Outcome#GAP}) so the caller rehydrates;</li>
 *   <li>to rehydrate, call {@link #awaitSnapshot()} (live events are buffered from then on), fetch the
 *       snapshot, then {@link #applySnapshot} with its per-resource watermark: buffered events newer than
 *       the watermark are applied in arrival order, older ones dropped;</li>
 *   <li>on reconnect, subscribe with {@link #resumePoint()} — the server replays what was missed or says
 *       {@code recovered: false}, and then the caller rehydrates as in 2.</li>
 * </ol>
 * Not thread-safe: feed it from the one thread that receives frames.
 */
public final class TopicStream {

    /** What happened to an offered event. */
    public enum Outcome { APPLIED, DUPLICATE, GAP, BUFFERED }

    private final Map<String, Long> applied = new HashMap<>();
    private final List<EventMessage> buffered = new ArrayList<>();
    private boolean awaitingSnapshot;
    private Instant newest = Instant.EPOCH;

    public Outcome offer(EventMessage message) {
        if (awaitingSnapshot) {
            buffered.add(message);
            return Outcome.BUFFERED;
        }
        String key = Resume.resourceKey(message.resourceType(), message.resourceId());
        Long last = applied.get(key);
        if (last != null && message.seq() <= last) {
            return Outcome.DUPLICATE;
        }
        if (last != null && message.seq() > last + 1) {
            return Outcome.GAP;
        }
        applied.put(key, message.seq());
        if (message.timestamp().isAfter(newest)) {
            newest = message.timestamp();
        }
        return Outcome.APPLIED;
    }

    /** From now on live events are buffered until {@link #applySnapshot} is called. */
    public void awaitSnapshot() {
        awaitingSnapshot = true;
    }

    /**
     * Adopts a snapshot (resource key → seq it reflects, taken at {@code takenAt}) and returns the buffered
     * events that are newer than it, in the order they arrived; they count as applied.
     */
    public List<EventMessage> applySnapshot(Map<String, Long> watermark, Instant takenAt) {
        watermark.forEach((key, seq) -> applied.merge(key, seq, Math::max));
        if (takenAt.isAfter(newest)) {
            newest = takenAt;
        }
        awaitingSnapshot = false;
        List<EventMessage> newer = new ArrayList<>();
        for (EventMessage m : buffered) {
            if (offer(m) == Outcome.APPLIED) {
                newer.add(m);
            }
        }
        buffered.clear();
        return newer;
    }

    /** Where to resume after a reconnect: the last seq applied per resource, and the newest time seen. */
    public Resume resumePoint() {
        return new Resume(applied, newest);
    }

    /** The last seq applied for a resource, or 0. */
    public long lastSeq(String resourceKey) {
        return applied.getOrDefault(resourceKey, 0L);
    }

    public boolean isAwaitingSnapshot() {
        return awaitingSnapshot;
    }
}
