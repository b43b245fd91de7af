package za.voelgoed.console.telemetry.viewmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import za.voelgoed.console.api.Telemetry;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.Topics;
import za.voelgoed.console.viewmodel.PageModel;
import za.voelgoed.console.viewmodel.Refresher;
import za.voelgoed.console.viewmodel.Tasks;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;

/**
 * The organisation's telemetry: read once from {@code GET /telemetry}, then taken from the
 * {@code telemetry.snapshot} events the backend pushes on {@code analytics:org:{org}} (at most one a
 * second). Only the newest snapshot waiting is applied at a pulse; older ones are skipped, not queued.
 * Keeps the last ten minutes of latency and throughput for the charts.
 */
public final class TelemetryViewModel extends PageModel {

    static final String SNAPSHOT_EVENT = "telemetry.snapshot";
    /** Ten minutes of points at one a second. */
    static final int HISTORY = 600;
    private static final Logger LOG = Logger.getLogger(TelemetryViewModel.class.getName());

    /** One point of the charts. */
    public record Point(Instant at, double pushP50Ms, double pushP99Ms, double eventsPerSecond) {
    }

    private final Topics topics;
    private final UUID org;
    private final Clock clock;
    private final Refresher<Telemetry> refresher;
    private final AtomicReference<Telemetry> arrived = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Telemetry> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Point>> history = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<Map.Entry<String, Double>> eventRates = FXCollections.observableArrayList();
    private final Deque<Point> points = new ArrayDeque<>();
    private LiveConnection.Handle handle;

    public TelemetryViewModel(Tasks tasks, Topics topics, UUID org, Callable<Telemetry> read, Clock clock) {
        this.topics = topics;
        this.org = org;
        this.clock = clock;
        this.refresher = new Refresher<>(tasks, 1_000, read, this::apply, this::failed);
    }

    @Override
    public void activate() {
        if (handle == null) {
            handle = topics.subscribe("analytics:org:" + org,
                    LiveConnection.TopicListener.of(this::offer, refresher::invalidate));
        }
        refresher.invalidate();
    }

    @Override
    public void deactivate() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }

    @Override
    public void tick(long nowMs) {
        if (paused().get()) {
            return;
        }
        Telemetry latest = arrived.getAndSet(null);
        if (latest != null) {
            apply(latest);
        }
        refresher.tick(nowMs);
    }

    /** From the socket's thread: keep only the newest snapshot for the next pulse. */
    void offer(EventMessage message) {
        if (!message.event().startsWith(SNAPSHOT_EVENT)) {
            return;
        }
        try {
            arrived.set(Json.mapper().treeToValue(message.data(), Telemetry.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "a telemetry snapshot of an unknown shape was ignored", e);
        }
    }

    public ReadOnlyObjectProperty<Telemetry> current() {
        return current.getReadOnlyProperty();
    }

    /** Points for the charts, oldest first. */
    public ReadOnlyObjectProperty<List<Point>> history() {
        return history.getReadOnlyProperty();
    }

    /** Events per second by type, busiest first. */
    public ObservableList<Map.Entry<String, Double>> eventRates() {
        return eventRates;
    }

    private void apply(Telemetry telemetry) {
        Telemetry before = current.get();
        if (before != null && before.takenAt() != null && telemetry.takenAt() != null
                && !telemetry.takenAt().isAfter(before.takenAt())) {
            return; // an older read finished after a newer push
        }
        current.set(telemetry);
        points.addLast(new Point(telemetry.takenAt() == null ? clock.instant() : telemetry.takenAt(),
                telemetry.pushLatencyMs().p50(), telemetry.pushLatencyMs().p99(), telemetry.eventsPerSecondTotal()));
        while (points.size() > HISTORY) {
            points.removeFirst();
        }
        history.set(List.copyOf(points));
        List<Map.Entry<String, Double>> rates = new ArrayList<>(new TreeMap<>(telemetry.eventsPerSecond()).entrySet());
        rates.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        eventRates.setAll(rates.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        updated(clock.instant());
    }
}
