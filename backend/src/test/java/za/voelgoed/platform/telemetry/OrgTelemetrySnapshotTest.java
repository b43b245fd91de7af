package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

class OrgTelemetrySnapshotTest {

    private final UUID org = UUID.randomUUID();
    private final OrgTelemetrySnapshot.Totals totals = new OrgTelemetrySnapshot.Totals(
            Map.of("payments", 3L), List.of("payments"), 2, 5);

    @Test
    void nodesFiguresAddUpAndRatesAreCountsOverTheWindow() {
        int fast = LatencyBuckets.of(4);
        int slow = LatencyBuckets.of(40);
        NodeFigures a = new NodeFigures("a", 1, Map.of("ticket.sold", 12L, "seat.hold_created", 30L),
                Map.of(fast, 98L), 3, 4);
        NodeFigures b = new NodeFigures("b", 1, Map.of("ticket.sold", 3L), Map.of(slow, 2L), 1, 2);

        OrgTelemetrySnapshot s = OrgTelemetrySnapshot.of(org, Instant.EPOCH, 2, List.of(a, b), totals);

        assertThat(s.eventsPerSecond()).containsExactlyEntriesOf(new java.util.TreeMap<>(
                Map.of("seat.hold_created", 3.0, "ticket.sold", 1.5)));
        assertThat(s.eventsPerSecondTotal()).isEqualTo(4.5);
        assertThat(s.pushLatencyMs().samples()).isEqualTo(100);
        assertThat(s.pushLatencyMs().p50()).isBetween(4.0, 4.4);
        assertThat(s.pushLatencyMs().p99()).isBetween(40.0, 43.7);
        assertThat(s.droppedMessages()).isEqualTo(4);
        assertThat(s.websocketConnections()).isEqualTo(6);
        assertThat(s.nodes()).isEqualTo(2);
    }

    @Test
    void withNoFiguresEverythingIsZeroAndTheShapeIsTheContract() {
        OrgTelemetrySnapshot s = OrgTelemetrySnapshot.of(org, Instant.parse("2026-12-02T10:00:00Z"), 1, List.of(),
                totals);

        var json = Json.toTree(s);
        assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactly("organization_id", "taken_at",
                "nodes", "events_per_second", "events_per_second_total", "push_latency_ms", "dropped_messages",
                "websocket_connections", "job_backlog", "paused_queues", "dlq_depth", "inventory_drift");
        assertThat(json.path("push_latency_ms").properties()).extracting(Map.Entry::getKey)
                .containsExactly("p50", "p99", "samples");
        assertThat(json.path("push_latency_ms").path("p99").asDouble()).isZero();
        assertThat(json.path("events_per_second").isObject()).isTrue();
        assertThat(json.path("taken_at").asText()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(json.path("inventory_drift").asLong()).isEqualTo(5);
    }

    @Test
    void baseTypesDropTheVersion() {
        assertThat(LiveTelemetry.baseType("ticket.sold.v2")).isEqualTo("ticket.sold");
        assertThat(LiveTelemetry.baseType("seat.hold_created.v1")).isEqualTo("seat.hold_created");
    }
}
