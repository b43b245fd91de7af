package za.voelgoed.platform.pubsub;

import java.time.Duration;
import java.util.UUID;

/** What PubSub reports to telemetry. */
public interface PubSubTelemetry {

    /** A message that a subscriber (or the cross-node link) did not get, and why. */
    void dropped(UUID organizationId, String reason);

    /** Events a node did not receive and read back from the outbox instead (a loss repaired). */
    default void readBack(UUID organizationId, int events) {
    }

    /** A message handed to a local subscriber, with the time since its event was committed. */
    void delivered(UUID organizationId, String eventType, Duration commitToDelivery);
}
