package za.voelgoed.platform.gateway;

import java.time.Duration;
import java.util.UUID;

/** What the gateway reports; {@code org} is null for the system admin and unauthenticated sockets. */
public interface GatewayTelemetry {

    void connected(UUID org, int delta);

    void subscribed(UUID org, int delta);

    void subscriptionDenied(UUID org);

    void authFailed();

    void frameSent(UUID org, String type);

    void dropped(UUID org, String reason);

    void pushed(UUID org, String eventType, Duration commitToPush);
}
