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
 *   <li>apply each live event whose seq is the next for its resource (1 for a resource never seen); drop one
 *       already applied (a duplicate); report a jump, or a first event of a resource that is not its first
 *       ({@link Outcome#GAP}), so the caller rehydrates; remember the newest offset applied;</li>
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

    /** Resources remembered by default: a console following a flash sale sees a new hold every millisecond. */
    public static final int DEFAULT_MAX_RESOURCES = 10_000;

    private final Map<String, Long> applied;
    private final List<EventMessage> buffered = new ArrayList<>();
    private boolean awaitingSnapshot;
    private Instant newest = Instant.EPOCH;
    private long offset;
    private String epoch;

    /** A stream that remembers the last seq of at most {@link #DEFAULT_MAX_RESOURCES} resources. */
    public TopicStream() {
        this(DEFAULT_MAX_RESOURCES);
    }

    /**
     * A stream that remembers the last seq of at most {@code maxResources} resources, forgetting the one
     * least recently updated first. A forgotten resource's next event counts as a gap (the caller re-reads its
     * snapshot) and a duplicate of it can no longer be told apart; the offset, which exact resumes use, is
     * kept whatever is forgotten. Without a bound a client that runs for days grows with every resource
     * (every hold of a sale) it ever saw.
     */
    public TopicStream(int maxResources) {
        if (maxResources < 1) {
            throw new IllegalArgumentException("maxResources must be at least 1");
        }
        // insertion order, refreshed on every write (remember): a read never changes the map, so a test or a
        // status line may look at it from another thread without corrupting it
        this.applied = new java.util.LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxResources;
            }
        };
    }

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
        if (message.seq() > (last == null ? 1 : last + 1)) {
            return Outcome.GAP;
        }
        remember(key, message.seq());
        if (message.timestamp().isAfter(newest)) {
            newest = message.timestamp();
        }
        offset = Math.max(offset, message.offset());
        return Outcome.APPLIED;
    }

    /**
     * Offers a message that carries the whole state of its resource ({@code telemetry.snapshot.v1}): it is
     * applied when its seq is above the last applied of the resource, whatever came between — a jump is no
     * gap, since nothing before it is needed — and a repeated or older one is a {@link Outcome#DUPLICATE}.
     * It never answers {@link Outcome#GAP}; while awaiting a snapshot it is buffered like any other.
     */
    public Outcome offerState(EventMessage message) {
        if (awaitingSnapshot) {
            buffered.add(message);
            return Outcome.BUFFERED;
        }
        String key = Resume.resourceKey(message.resourceType(), message.resourceId());
        Long last = applied.get(key);
        if (last != null && message.seq() <= last) {
            return Outcome.DUPLICATE;
        }
        remember(key, message.seq() - 1);
        return offer(message);
    }

    /**
     * The epoch of the server the events now come from (its {@code welcome}). Offsets of another epoch mean
     * nothing there, so they are forgotten and the next resume cannot be exact.
     */
    public void connected(String serverEpoch) {
        if (epoch != null && !epoch.equals(serverEpoch)) {
            offset = 0;
        }
        epoch = serverEpoch;
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
        return applySnapshot(watermark, takenAt, 0, null);
    }

    /**
     * As {@link #applySnapshot(Map, Instant)}, for a snapshot that also says the offset (in {@code snapshotEpoch})
     * of the newest event it reflects: a later resume then replays exactly what came after it.
     */
    public List<EventMessage> applySnapshot(Map<String, Long> watermark, Instant takenAt, long snapshotOffset,
                                            String snapshotEpoch) {
        if (snapshotEpoch != null) {
            connected(snapshotEpoch);
            offset = Math.max(offset, snapshotOffset);
        }
        watermark.forEach((key, seq) -> remember(key, Math.max(seq, applied.getOrDefault(key, 0L))));
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

    /**
     * Where to resume after a reconnect: the newest offset applied in its epoch, the last seq applied per
     * resource, and the newest time seen (for servers of the earlier protocol).
     */
    public Resume resumePoint() {
        return new Resume(new HashMap<>(applied), newest, offset, epoch);
    }

    private void remember(String key, long seq) {
        applied.remove(key);
        applied.put(key, seq);
    }

    /** The newest offset applied (or adopted from a snapshot); 0 before any. */
    public long offset() {
        return offset;
    }

    /** The last seq applied for a resource, or 0. */
    public long lastSeq(String resourceKey) {
        return applied.getOrDefault(resourceKey, 0L);
    }

    public boolean isAwaitingSnapshot() {
        return awaitingSnapshot;
    }
}
