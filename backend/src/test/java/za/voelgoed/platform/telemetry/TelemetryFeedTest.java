package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.pubsub.Routed;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

class TelemetryFeedTest {

    private final UUID org = UUID.randomUUID();
    private final TelemetryFeed feed = new TelemetryFeed(new LiveTelemetry("n", System::currentTimeMillis), null,
            o -> null, null, EventTypeRegistry.standard().require(EventTypes.TELEMETRY_SNAPSHOT_V1), () -> 0);

    @Test
    void aSnapshotTravelsOnTheOrganisationsAnalyticsTopicValidAgainstItsSchemaWithItsSecondAsSeq() {
        Instant at = Instant.parse("2026-12-02T10:00:07.250Z");
        OrgTelemetrySnapshot snapshot = OrgTelemetrySnapshot.of(org, at, 2,
                List.of(new NodeFigures("a", 1, Map.of("ticket.sold", 20L), Map.of(LatencyBuckets.of(3), 5L), 1, 3)),
                new OrgTelemetrySnapshot.Totals(Map.of("payments", 0L), List.of(), 0, 0));

        Routed routed = feed.routed(snapshot);

        assertThat(routed.topics()).containsExactly(Topic.of(TopicFamily.ANALYTICS_ORG, org));
        assertThat(routed.message().event()).isEqualTo("telemetry.snapshot.v1");
        assertThat(routed.message().resourceType()).isEqualTo("telemetry");
        assertThat(routed.message().resourceId()).isEqualTo(org);
        assertThat(routed.message().seq()).isEqualTo(at.getEpochSecond());
        assertThat(routed.message().offset()).as("no domain event: nothing to resume from").isZero();
        assertThat(routed.message().data().path("events_per_second").path("ticket.sold").asDouble()).isEqualTo(2.0);
        assertThat(routed.message().data().path("taken_at").asText()).isEqualTo("2026-12-02T10:00:07.250Z");
    }
}
