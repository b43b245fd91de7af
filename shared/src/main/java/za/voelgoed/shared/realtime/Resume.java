package za.voelgoed.shared.realtime;

import java.time.Instant;
import java.util.Map;

/**
 * Where a reconnecting client left off on a topic: the last {@code seq} it applied per resource
 * (keyed {@code resource_type:resource_id}) and the time of the newest event or snapshot it has.
 * The server replays events of the topic after that point, skipping what the map says was seen.
 */
public record Resume(Map<String, Long> resources, Instant since) {

    public Resume {
        resources = resources == null ? Map.of() : Map.copyOf(resources);
    }

    public static String resourceKey(String resourceType, java.util.UUID resourceId) {
        return resourceType + ":" + resourceId;
    }
}
