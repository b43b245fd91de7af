package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveTelemetryTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LiveTelemetry live = new LiveTelemetry("node-1", now::get);
    private final UUID org = UUID.randomUUID();
    private final UUID quiet = UUID.randomUUID();

    @Test
    void countsEnterTheWindowOnceTheirSecondIsOverAndLeaveItTenSecondsLater() {
        live.emitted(org, "ticket.sold.v1");
        live.emitted(org, "ticket.sold.v2");
        live.emitted(org, "seat.hold_created.v1");
        live.pushed(org, Duration.ofMillis(5));
        live.connected(org, 2);
        live.dropped(org);

        assertThat(live.figures().get(org).emitted()).isEmpty();
        now.addAndGet(1_000);
        NodeFigures f = live.figures().get(org);
        assertThat(f.node()).isEqualTo("node-1");
        assertThat(f.emitted()).isEqualTo(Map.of("ticket.sold", 2L, "seat.hold_created", 1L));
        assertThat(f.pushLatency()).isEqualTo(Map.of(LatencyBuckets.of(5), 1L));
        assertThat(f.connections()).isEqualTo(2);

        now.addAndGet(10_000);
        f = live.figures().get(org);
        assertThat(f.emitted()).isEmpty();
        assertThat(f.pushLatency()).isEmpty();
        assertThat(f.dropped()).as("drops count since the node started").isEqualTo(1);
    }

    @Test
    void anOrganisationIdleForAMinuteWithNoSocketAndNoDropIsForgotten() {
        live.emitted(quiet, "ticket.sold.v1");
        live.connected(org, 1);
        now.addAndGet(61_000);

        assertThat(live.figures()).containsKey(org).doesNotContainKey(quiet);
        live.connected(org, -1);
        now.addAndGet(61_000);
        assertThat(live.figures()).isEmpty();
    }
}
