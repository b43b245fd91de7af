package za.voelgoed.console.sales;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.ui.ChartPoints;
import za.voelgoed.console.ui.Widgets;
import za.voelgoed.console.viewmodel.LiveRow;
import za.voelgoed.console.viewmodel.Money;

/**
 * The live-sales page: sold, held, available and revenue for the organisation or a show, sales per
 * minute over the last hour, the shows (or a show's categories and ticket types) and the latest sales.
 */
public final class SalesView extends BorderPane {

    private static final DateTimeFormatter STARTS = DateTimeFormatter.ofPattern("d MMM HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SalesViewModel model;
    private final XYChart.Series<Number, Number> perMinute = new XYChart.Series<>();

    public SalesView(SalesViewModel model) {
        this.model = model;
        getStyleClass().add("content");
        setPadding(new Insets(16));
        setTop(new VBox(12, header(), figures()));
        setCenter(body());
        model.perMinute().addListener((o, was, now) -> plot(now));
        plot(model.perMinute().get());
    }

    private HBox header() {
        Label title = Widgets.section("");
        title.textProperty().bind(model.title());
        title.setId("sales-title");
        ComboBox<Sales.Show> shows = new ComboBox<>();
        shows.setId("show-picker");
        shows.setPromptText("All shows");
        shows.setConverter(new StringConverter<>() {
            @Override
            public String toString(Sales.Show show) {
                return show == null ? "All shows" : show.name();
            }

            @Override
            public Sales.Show fromString(String s) {
                return null;
            }
        });
        shows.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Sales.Show item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null || empty ? "All shows" : item.name());
            }
        });
        model.shows().addListener((javafx.collections.ListChangeListener<Sales.Show>) c -> {
            if (sameShows(shows.getItems(), model.shows())) {
                return; // only figures changed: the picker shows names, and re-filling it costs a layout each read
            }
            UUID chosen = model.selectedShow().get();
            List<Sales.Show> items = new java.util.ArrayList<>();
            items.add(null);
            items.addAll(model.shows());
            shows.getItems().setAll(items);
            shows.getSelectionModel().select(items.stream()
                    .filter(s -> s != null && s.eventId().equals(chosen)).findFirst().orElse(null));
        });
        shows.valueProperty().addListener((o, was, now) -> {
            UUID id = now == null ? null : now.eventId();
            if (id == null ? model.selectedShow().get() != null : !id.equals(model.selectedShow().get())) {
                model.selectedShow().set(id);
            }
        });
        HBox header = new HBox(12, title, Widgets.grow(), new Label("Show"), shows);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return header;
    }

    /** True when the picker (null first, for all shows) already lists these shows, by id and name, in this order. */
    private static boolean sameShows(List<Sales.Show> picker, List<Sales.Show> shows) {
        if (picker.size() != shows.size() + 1) {
            return false;
        }
        for (int i = 0; i < shows.size(); i++) {
            Sales.Show a = picker.get(i + 1);
            Sales.Show b = shows.get(i);
            if (a == null || !a.eventId().equals(b.eventId()) || !a.name().equals(b.name())) {
                return false;
            }
        }
        return true;
    }

    private HBox figures() {
        HBox row = new HBox(12,
                Widgets.figure("Sold", count(t -> t.sold()), "sold"),
                Widgets.figure("Held", count(t -> t.held()), "held"),
                Widgets.figure("Available", count(t -> t.available()), "available"),
                Widgets.figure("Revenue", model.revenue(), "revenue"),
                Widgets.figure("Refunded", count(t -> t.refunded()), "refunded"));
        return row;
    }

    private javafx.beans.binding.StringBinding count(java.util.function.ToLongFunction<Sales.Totals> field) {
        return Bindings.createStringBinding(() -> model.totals().get() == null ? "—"
                : Money.count(field.applyAsLong(model.totals().get())), model.totals());
    }

    private HBox body() {
        NumberAxis x = new NumberAxis(-59, 0, 10);
        x.setLabel("minutes ago");
        x.setAutoRanging(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("tickets sold");
        y.setForceZeroInRange(true);
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setTitle("Sales per minute, last hour");
        chart.getData().add(perMinute);
        chart.setId("sales-chart");
        chart.setMinHeight(220);

        VBox left = new VBox(12, chart, breakdown());
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox feed = Widgets.panel("Latest sales", latestTable());
        feed.setPrefWidth(420);
        HBox body = new HBox(12, left, feed);
        body.setPadding(new Insets(12, 0, 0, 0));
        return body;
    }

    private VBox breakdown() {
        TableView<LiveRow<Sales.Show>> showsTable = new TableView<>(model.showRows());
        showsTable.setId("shows-table");
        showsTable.getColumns().setAll(List.of(
                Widgets.<Sales.Show>liveColumn("Show", s -> s.name()),
                Widgets.<Sales.Show>liveColumn("Starts", s -> s.startsAt() == null ? "" : STARTS.format(s.startsAt())),
                Widgets.<Sales.Show>liveColumn("Sold", s -> Money.count(s.sold())),
                Widgets.<Sales.Show>liveColumn("Held", s -> Money.count(s.held())),
                Widgets.<Sales.Show>liveColumn("Available", s -> Money.count(s.available())),
                Widgets.<Sales.Show>liveColumn("Revenue", s -> Money.format(s.revenueCents(), null))));
        showsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        showsTable.setPlaceholder(new Label("No shows yet."));
        showsTable.setPrefHeight(200);
        showsTable.setOnMouseClicked(e -> {
            LiveRow<Sales.Show> chosen = showsTable.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && chosen != null) {
                model.selectedShow().set(chosen.get().eventId());
            }
        });

        TableView<LiveRow<SalesViewModel.Line>> lines = new TableView<>(model.lineRows());
        lines.setId("lines-table");
        lines.getColumns().setAll(List.of(
                Widgets.<SalesViewModel.Line>liveColumn("Category / ticket type", SalesViewModel.Line::name),
                Widgets.<SalesViewModel.Line>liveColumn("Capacity", l -> Money.count(l.capacity())),
                Widgets.<SalesViewModel.Line>liveColumn("Sold", l -> Money.count(l.sold())),
                Widgets.<SalesViewModel.Line>liveColumn("Held", l -> Money.count(l.held())),
                Widgets.<SalesViewModel.Line>liveColumn("Available", l -> Money.count(l.available())),
                Widgets.<SalesViewModel.Line>liveColumn("Revenue", l -> Money.format(l.revenueCents(), null))));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.setPrefHeight(200);

        VBox box = new VBox();
        Runnable swap = () -> box.getChildren().setAll(model.selectedShow().get() == null
                ? Widgets.panel("Shows (double-click for one)", showsTable)
                : Widgets.panel("By category and ticket type", lines));
        model.selectedShow().addListener((o, was, now) -> swap.run());
        swap.run();
        return box;
    }

    private TableView<Sales.Sale> latestTable() {
        TableView<Sales.Sale> table = new TableView<>(model.latest());
        table.setId("latest-sales");
        table.getColumns().setAll(List.of(
                Widgets.column("Time", s -> s.soldAt() == null ? "" : TIME.format(s.soldAt())),
                Widgets.column("Show", s -> s.eventName()),
                Widgets.column("Tickets", s -> Long.toString(s.tickets())),
                Widgets.column("Amount", s -> Money.format(s.amountCents(), s.currency()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No sales yet."));
        return table;
    }

    /** Sales per minute on the points the chart already has (see {@link ChartPoints}): x is minutes before the last. */
    private void plot(List<Sales.Minute> minutes) {
        Instant now = minutes.isEmpty() ? Instant.now() : minutes.getLast().minute();
        ChartPoints.set(perMinute, minutes.size(),
                i -> -Duration.between(minutes.get(i).minute(), now).toMinutes(), i -> minutes.get(i).sold());
    }
}
