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
import za.voelgoed.console.ui.Widgets;
import za.voelgoed.console.viewmodel.Money;

/**
 * The live-sales page: sold, held, available and revenue for the organisation or a show, sales per
 * minute over the last hour, the shows (or a show's categories and ticket types) and the latest sales.
 */
public final class SalesView extends BorderPane {

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
        TableView<Sales.Show> showsTable = new TableView<>(model.shows());
        showsTable.setId("shows-table");
        showsTable.getColumns().setAll(List.of(
                Widgets.column("Show", s -> s.name()),
                Widgets.column("Starts", s -> s.startsAt() == null ? "" : DateTimeFormatter.ofPattern("d MMM HH:mm")
                        .withZone(ZoneId.systemDefault()).format(s.startsAt())),
                Widgets.column("Sold", s -> Money.count(s.sold())),
                Widgets.column("Held", s -> Money.count(s.held())),
                Widgets.column("Available", s -> Money.count(s.available())),
                Widgets.column("Revenue", s -> Money.format(s.revenueCents(), null))));
        showsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        showsTable.setPlaceholder(new Label("No shows yet."));
        showsTable.setPrefHeight(200);
        showsTable.setOnMouseClicked(e -> {
            Sales.Show chosen = showsTable.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && chosen != null) {
                model.selectedShow().set(chosen.eventId());
            }
        });

        TableView<Object> lines = new TableView<>();
        lines.setId("lines-table");
        lines.getColumns().setAll(List.of(
                Widgets.column("Category / ticket type", SalesView::lineName),
                Widgets.column("Capacity", l -> Money.count(lineNumbers(l)[0])),
                Widgets.column("Sold", l -> Money.count(lineNumbers(l)[1])),
                Widgets.column("Held", l -> Money.count(lineNumbers(l)[2])),
                Widgets.column("Available", l -> Money.count(lineNumbers(l)[3])),
                Widgets.column("Revenue", l -> Money.format(lineNumbers(l)[4], null))));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.setPrefHeight(200);
        Runnable fill = () -> {
            List<Object> all = new java.util.ArrayList<>(model.categories());
            all.addAll(model.ticketTypes());
            lines.getItems().setAll(all);
        };
        model.categories().addListener((javafx.collections.ListChangeListener<Sales.Category>) c -> fill.run());
        model.ticketTypes().addListener((javafx.collections.ListChangeListener<Sales.TicketTypeLine>) c -> fill.run());

        VBox box = new VBox();
        Runnable swap = () -> box.getChildren().setAll(model.selectedShow().get() == null
                ? Widgets.panel("Shows (double-click for one)", showsTable)
                : Widgets.panel("By category and ticket type", lines));
        model.selectedShow().addListener((o, was, now) -> swap.run());
        swap.run();
        return box;
    }

    private static String lineName(Object line) {
        return line instanceof Sales.Category c ? c.category() : ((Sales.TicketTypeLine) line).ticketType();
    }

    private static long[] lineNumbers(Object line) {
        if (line instanceof Sales.Category c) {
            return new long[] {c.capacity(), c.sold(), c.held(), c.available(), c.revenueCents()};
        }
        Sales.TicketTypeLine t = (Sales.TicketTypeLine) line;
        return new long[] {t.capacity(), t.sold(), t.held(), t.available(), t.revenueCents()};
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

    private void plot(List<Sales.Minute> minutes) {
        Instant now = minutes.isEmpty() ? Instant.now() : minutes.getLast().minute();
        List<XYChart.Data<Number, Number>> points = minutes.stream()
                .map(m -> new XYChart.Data<Number, Number>(-Duration.between(m.minute(), now).toMinutes(), m.sold()))
                .toList();
        perMinute.getData().setAll(points);
    }
}
