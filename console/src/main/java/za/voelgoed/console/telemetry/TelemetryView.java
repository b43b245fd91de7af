package za.voelgoed.console.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import za.voelgoed.console.api.Telemetry;
import za.voelgoed.console.telemetry.viewmodel.TelemetryViewModel;
import za.voelgoed.console.ui.ChartPoints;
import za.voelgoed.console.ui.Widgets;
import za.voelgoed.console.viewmodel.InPlace;
import za.voelgoed.console.viewmodel.LiveRow;
import za.voelgoed.console.viewmodel.Money;

/** The telemetry page: throughput, push latency, drops, sockets, job backlog, DLQ depth and drift, live. */
public final class TelemetryView extends BorderPane {

    private final TelemetryViewModel model;
    private final XYChart.Series<Number, Number> p50 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p99 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rate = new XYChart.Series<>();
    /** Tables by position: the rows stay and take new text (a ranking re-sorts each read; see {@link InPlace}). */
    private final ObservableList<LiveRow<Map.Entry<String, String>>> backlog = FXCollections.observableArrayList();
    private final ObservableList<LiveRow<Map.Entry<String, Double>>> rates = FXCollections.observableArrayList();
    private final List<NumberAxis> xAxes = new java.util.ArrayList<>();

    public TelemetryView(TelemetryViewModel model) {
        this.model = model;
        getStyleClass().add("content");
        setPadding(new Insets(16));
        p50.setName("p50");
        p99.setName("p99");
        rate.setName("events/s");
        setTop(new VBox(12, Widgets.section("Telemetry"), firstRow(), secondRow()));
        setCenter(charts());
        model.history().addListener((o, was, now) -> plot(now));
        model.current().addListener((o, was, now) -> fillBacklog(now));
    }

    private HBox firstRow() {
        return new HBox(12,
                Widgets.figure("Events / s", number(t -> String.format(Locale.ROOT, "%.1f", t.eventsPerSecondTotal())),
                        "events-per-second"),
                Widgets.figure("Push p50", number(t -> ms(t.pushLatencyMs().p50())), "push-p50"),
                Widgets.figure("Push p99", number(t -> ms(t.pushLatencyMs().p99())), "push-p99"),
                Widgets.figure("Dropped messages", number(t -> Money.count(t.droppedMessages())), "dropped"));
    }

    private HBox secondRow() {
        return new HBox(12,
                Widgets.figure("WebSocket connections", number(t -> Money.count(t.websocketConnections())),
                        "connections"),
                Widgets.figure("DLQ depth", number(t -> Money.count(t.dlqDepth())), "dlq-depth"),
                Widgets.figure("Inventory drift", number(t -> Money.count(t.inventoryDrift())), "drift"),
                Widgets.figure("Backend nodes", number(t -> Integer.toString(t.nodes())), "nodes"));
    }

    private StringBinding number(java.util.function.Function<Telemetry, String> field) {
        return Bindings.createStringBinding(() -> model.current().get() == null ? "—"
                : field.apply(model.current().get()), model.current());
    }

    private static String ms(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.1f ms", value) : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private HBox charts() {
        LineChart<Number, Number> latency = chart("Commit-to-push latency (ms)", "ms");
        latency.getData().addAll(List.of(p50, p99));
        latency.setId("latency-chart");
        LineChart<Number, Number> throughput = chart("Events per second", "events/s");
        throughput.getData().add(rate);
        throughput.setLegendVisible(false);
        VBox chartsBox = new VBox(12, latency, throughput);
        VBox.setVgrow(latency, Priority.ALWAYS);
        VBox.setVgrow(throughput, Priority.ALWAYS);
        HBox.setHgrow(chartsBox, Priority.ALWAYS);

        model.eventRates().addListener((javafx.collections.ListChangeListener<Map.Entry<String, Double>>) c ->
                InPlace.positions(rates, model.eventRates()));
        InPlace.positions(rates, model.eventRates());
        TableView<LiveRow<Map.Entry<String, Double>>> types = new TableView<>(rates);
        types.setId("event-rates");
        types.getColumns().setAll(List.of(Widgets.<Map.Entry<String, Double>>liveColumn("Event type", e -> e.getKey()),
                Widgets.<Map.Entry<String, Double>>liveColumn("per second",
                        e -> String.format(Locale.ROOT, "%.2f", e.getValue()))));
        types.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        types.setPlaceholder(new Label("No events in the last seconds."));
        TableView<LiveRow<Map.Entry<String, String>>> queues = new TableView<>(backlog);
        queues.setId("job-backlog");
        queues.getColumns().setAll(List.of(Widgets.<Map.Entry<String, String>>liveColumn("Queue", e -> e.getKey()),
                Widgets.<Map.Entry<String, String>>liveColumn("Waiting jobs", e -> e.getValue())));
        queues.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        queues.setPrefHeight(200);
        VBox side = new VBox(12, Widgets.panel("Events by type", types), Widgets.panel("Job backlog", queues));
        side.setPrefWidth(380);
        HBox box = new HBox(12, chartsBox, side);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private LineChart<Number, Number> chart(String title, String unit) {
        NumberAxis x = new NumberAxis(-30, 0, 6);
        x.setLabel("seconds ago (up to 5 minutes)");
        x.setAutoRanging(false);
        xAxes.add(x);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(180);
        return chart;
    }

    private void plot(List<TelemetryViewModel.Point> all) {
        Instant now = all.isEmpty() ? Instant.now() : all.getLast().at();
        List<TelemetryViewModel.Point> points = all.stream()
                .filter(p -> Duration.between(p.at(), now).toSeconds() <= 300).toList();
        // the window grows with the history, from half a minute up to five
        long span = points.isEmpty() ? 30
                : Math.clamp(Duration.between(points.getFirst().at(), now).toSeconds(), 30, 300);
        for (NumberAxis axis : xAxes) {
            axis.setLowerBound(-span);
            axis.setTickUnit(span / 5.0);
        }
        java.util.function.IntFunction<Number> x = i -> -Duration.between(points.get(i).at(), now).toSeconds();
        ChartPoints.set(p50, points.size(), x, i -> points.get(i).pushP50Ms());
        ChartPoints.set(p99, points.size(), x, i -> points.get(i).pushP99Ms());
        ChartPoints.set(rate, points.size(), x, i -> points.get(i).eventsPerSecond());
    }

    private void fillBacklog(Telemetry telemetry) {
        if (telemetry == null) {
            return;
        }
        InPlace.positions(backlog, new java.util.TreeMap<>(telemetry.jobBacklog()).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), Money.count(e.getValue())
                        + (telemetry.pausedQueues().contains(e.getKey()) ? "  (paused)" : "")))
                .toList());
    }
}
