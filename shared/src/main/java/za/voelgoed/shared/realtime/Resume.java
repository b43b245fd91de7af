package za.voelgoed.shared.realtime;

import java.time.Instant;
import java.util.Map;

/**
 * Where a reconnecting client left off on a topic: the {@code offset} of the newest event (or snapshot) it
 * has, in the {@code epoch} of the server's outbox that numbered it, and the last {@code seq} it applied per
 * resource (keyed {@code resource_type:resource_id}). The server replays every event of the topic after the
 * offset, skipping what the map says was seen. {@code since} (the newest event's time) is what clients of
 * the earlier protocol sent; without an offset the server cannot promise that nothing is missing, so it
 * answers {@code recovered: false}.
 */
public record Resume(Map<String, Long> resources, Instant since, long offset, String epoch) {

    public Resume {
        resources = resources == null ? Map.of() : Map.copyOf(resources);
    }

    /** A resume point of the earlier protocol: a time only. */
    public Resume(Map<String, Long> resources, Instant since) {
        this(resources, since, 0, null);
    }

    /** An exact resume point: after {@code offset} of {@code epoch}. */
    public static Resume after(Map<String, Long> resources, long offset, String epoch) {
        return new Resume(resources, null, offset, epoch);
    }

    /** True when the point is an offset in a known epoch (the server can then replay exactly). */
    public boolean exact() {
        return epoch != null && offset >= 0;
    }

    public static String resourceKey(String resourceType, java.util.UUID resourceId) {
        return resourceType + ":" + resourceId;
    }
}
