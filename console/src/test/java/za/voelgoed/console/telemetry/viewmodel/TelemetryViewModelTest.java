package za.voelgoed.console.telemetry.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.Telemetry;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;

class TelemetryViewModelTest {

    private final UUID org = UUID.randomUUID();
    private final FakeTopics topics = new FakeTopics();
    private final AtomicInteger reads = new AtomicInteger();
    private final Instant start = Instant.parse("2026-12-02T10:00:00Z");
    private final TelemetryViewModel model = new TelemetryViewModel(Tasks.direct(), topics, org, () -> {
        reads.incrementAndGet();
        return telemetry(start, 1.0, 5);
    }, Clock.fixed(start, ZoneOffset.UTC));

    private Telemetry telemetry(Instant at, double rate, double p99) {
        return new Telemetry(org, at, 2, Map.of("ticket.sold", rate, "hold.created", rate * 2), rate * 3,
                new Telemetry.Latency(p99 / 2, p99, 100), 0, 4, Map.of("payments", 3L), List.of("payments"), 1, 0);
    }

    @Test
    void readsOnceThenTakesThePushedSnapshots() {
        model.activate();
        model.tick(0);
        assertThat(reads).hasValue(1);
        assertThat(model.current().get().eventsPerSecondTotal()).isEqualTo(3.0);
        topics.emit("analytics:org:" + org, "telemetry.snapshot.v1", telemetry(start.plusSeconds(1), 10, 40));
        model.tick(100);
        assertThat(model.current().get().pushLatencyMs().p99()).isEqualTo(40.0);
        assertThat(model.eventRates().getFirst().getKey()).isEqualTo("hold.created");
        assertThat(reads).hasValue(1);
    }

    @Test
    void onlyTheNewestOfManyPushesIsDrawnAndOlderOnesNever() {
        model.activate();
        model.tick(0);
        long before = model.redraws();
        for (int i = 1; i <= 50; i++) {
            topics.emit("analytics:org:" + org, "telemetry.snapshot.v1", telemetry(start.plusSeconds(i), i, i));
        }
        model.tick(100);
        assertThat(model.redraws()).isEqualTo(before + 1);
        assertThat(model.current().get().pushLatencyMs().p99()).isEqualTo(50.0);
        topics.emit("analytics:org:" + org, "telemetry.snapshot.v1", telemetry(start.plusSeconds(3), 1, 1));
        model.tick(200);
        assertThat(model.current().get().pushLatencyMs().p99()).isEqualTo(50.0);
    }

    @Test
    void historyIsBoundedToTenMinutes() {
        model.activate();
        for (int i = 1; i <= TelemetryViewModel.HISTORY + 50; i++) {
            topics.emit("analytics:org:" + org, "telemetry.snapshot.v1", telemetry(start.plusSeconds(i), 1, 1));
            model.tick(i * 1_000L);
        }
        assertThat(model.history().get()).hasSize(TelemetryViewModel.HISTORY);
        assertThat(model.history().get().getLast().at()).isEqualTo(start.plusSeconds(TelemetryViewModel.HISTORY + 50));
    }

    @Test
    void otherEventsOnTheTopicAreIgnoredAndDeactivateLetsGo() {
        model.activate();
        model.tick(0);
        topics.emit("analytics:org:" + org, "something.else.v1", Map.of("x", 1));
        model.tick(100);
        assertThat(model.current().get().takenAt()).isEqualTo(start);
        model.deactivate();
        assertThat(topics.heldTopics()).isEmpty();
    }
}
