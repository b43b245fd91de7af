package za.voelgoed.platform.telemetry;

import java.time.Duration;
import java.util.UUID;
import za.voelgoed.platform.gateway.GatewayTelemetry;
import za.voelgoed.shared.event.EventTypes;

/**
 * The gateway's tracker for both Micrometer and the organisations' live telemetry. Only domain events count
 * as commit-to-push: presence and the telemetry snapshots are stamped when published, not committed (and the
 * feed would otherwise measure itself).
 */
final class LiveGatewayTelemetry implements GatewayTelemetry {

    private final GatewayTelemetry delegate;
    private final LiveTelemetry live;

    LiveGatewayTelemetry(GatewayTelemetry delegate, LiveTelemetry live) {
        this.delegate = delegate;
        this.live = live;
    }

    @Override
    public void connected(UUID org, int delta) {
        delegate.connected(org, delta);
        if (org != null) {
            live.connected(org, delta);
        }
    }

    @Override
    public void subscribed(UUID org, int delta) {
        delegate.subscribed(org, delta);
    }

    @Override
    public void subscriptionDenied(UUID org) {
        delegate.subscriptionDenied(org);
    }

    @Override
    public void authFailed() {
        delegate.authFailed();
    }

    @Override
    public void frameSent(UUID org, String type) {
        delegate.frameSent(org, type);
    }

    @Override
    public void dropped(UUID org, String reason) {
        delegate.dropped(org, reason);
        if (org != null) {
            live.dropped(org);
        }
    }

    @Override
    public void pushed(UUID org, String eventType, Duration commitToPush) {
        delegate.pushed(org, eventType, commitToPush);
        if (org != null && !eventType.equals(EventTypes.TELEMETRY_SNAPSHOT_V1)
                && !eventType.equals(EventTypes.PRESENCE_CHANGED_V1)) {
            live.pushed(org, commitToPush);
        }
    }
}
