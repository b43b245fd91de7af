package za.voelgoed.console.gates;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.gates.viewmodel.GateLines;
import za.voelgoed.console.gates.viewmodel.GatesViewModel;
import za.voelgoed.console.ui.ShowPicker;
import za.voelgoed.console.ui.SideBySide;
import za.voelgoed.console.ui.ChartPoints;
import za.voelgoed.console.ui.Widgets;
import za.voelgoed.console.viewmodel.InPlace;
import za.voelgoed.console.viewmodel.LiveRow;
import za.voelgoed.console.viewmodel.Ages;
import za.voelgoed.console.viewmodel.Money;

/**
 * The gates page of a show: people inside (large), scans per minute per gate over the last hour, accepted and
 * rejected by reason, the gates and the scanners (last scan, online or not), and the double admissions with
 * "Export CSV…".
 */
public final class GatesView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    static final double RIGHT_WIDTH = 516;
    /** Wide enough for "vip-early · seat 112" and "20:26:31 VIP Lounge". */
    private static final double CONFLICT_COLUMN = 156;

    private final GatesViewModel model;
    private final LineChart<Number, Number> chart;
    /** The tables' rows kept in place (see {@link InPlace}): a read that changes counts changes cell text only. */
    private final ObservableList<LiveRow<GateLines.Gate>> gateRows = FXCollections.observableArrayList();
    private final ObservableList<LiveRow<DeviceLine>> deviceRows = FXCollections.observableArrayList();

    /** A scanner with how long ago it last scanned, as of the read that brought it (every row's age is new then). */
    private record DeviceLine(GateLines.Device device, String last) {

        static List<DeviceLine> of(List<GateLines.Device> devices) {
            Instant now = Instant.now();
            return devices.stream().map(d -> new DeviceLine(d, d.lastScanAt() == null ? ""
                    : Ages.since(d.lastScanAt(), now))).toList();
        }
    }

    public GatesView(GatesViewModel model) {
        this.model = model;
        getStyleClass().add("content");
        setPadding(new Insets(16));
        chart = chart();
        setTop(new VBox(12, header(), figures()));
        setCenter(body());
        model.perGate().addListener((o, was, now) -> plot(now));
        plot(model.perGate().get());
    }

    private HBox header() {
        Label title = Widgets.section("");
        title.textProperty().bind(model.title());
        title.setId("gates-title");
        HBox header = new HBox(12, title, Widgets.grow(), new Label("Show"),
                ShowPicker.of(model.shows(), model.selectedShow(), "gates-show-picker"));
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private HBox figures() {
        VBox inside = Widgets.figure("Inside now", model.inside(), "gates-inside");
        inside.getStyleClass().add("figure-prominent");
        return new HBox(12, inside,
                Widgets.figure("Scans this minute", model.perMinuteNow(), "gates-per-minute"),
                Widgets.figure("Accepted", model.accepted(), "gates-accepted"),
                Widgets.figure("Rejected", model.rejected(), "gates-rejected"));
    }

    private LineChart<Number, Number> chart() {
        NumberAxis x = new NumberAxis(-59, 0, 10);
        x.setLabel("minutes ago");
        x.setAutoRanging(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("scans");
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setTitle("Scans per minute by gate, last hour");
        c.setId("gates-chart");
        c.setMinHeight(200);
        return c;
    }

    private HBox body() {
        TableView<GateLines.Reason> reasons = new TableView<>(model.reasons());
        reasons.setId("gates-reasons");
        reasons.getColumns().setAll(List.of(
                width(Widgets.column("Reason", r -> r.reason().replace('_', ' ')), 150),
                Widgets.column("Scans", r -> Money.count(r.count()))));
        reasons.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reasons.setPlaceholder(new Label("No rejections."));

        // beside the rejections' 264 px while the double admissions' three columns fit (and the panel's padding, the
        // table's border and a scroll bar); as two tabs of the full width otherwise
        SideBySide lower = new SideBySide(264 + 12 + 3 * CONFLICT_COLUMN + 24 + 20, 230,
                new SideBySide.Part("Rejections", counted("Rejections", model.reasons()), reasons, 264),
                new SideBySide.Part("Double admissions", counted("Double admissions", model.conflicts()),
                        conflicts(), 0));
        lower.setId("gates-lower");
        VBox left = new VBox(12, chart, lower);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = new VBox(12, Widgets.panel("Gates", gatesTable()), Widgets.panel("Scanners", devicesTable()));
        // wide enough for the scanners' six columns at a 1440 px window, headers and cells unclipped
        right.setPrefWidth(RIGHT_WIDTH);
        right.setMinWidth(RIGHT_WIDTH);
        VBox.setVgrow(right.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(right.getChildren().get(1), Priority.ALWAYS);
        HBox body = new HBox(12, left, right);
        body.setPadding(new Insets(12, 0, 0, 0));
        return body;
    }

    private TableView<LiveRow<GateLines.Gate>> gatesTable() {
        model.gates().addListener((ListChangeListener<GateLines.Gate>) c ->
                InPlace.rows(gateRows, model.gates(), GateLines.Gate::gate));
        InPlace.rows(gateRows, model.gates(), GateLines.Gate::gate);
        TableView<LiveRow<GateLines.Gate>> table = new TableView<>(gateRows);
        table.setId("gates-table");
        table.getColumns().setAll(List.of(
                headed(gate("Gate", GateLines.Gate::gate), 96, "The gate, as its scanners named it"),
                headed(gate("Passed", g -> Money.count(g.accepted())), 68,
                        "Scans the gate let through (entries and exits)"),
                headed(gate("Refused", g -> Money.count(g.rejected())), 72, "Scans the gate refused"),
                headed(gate("/min", g -> Money.count(g.lastMinute())), 56, "Scans in the last minute"),
                headed(gate("Last", g -> g.lastScanAt() == null ? "" : TIME.format(g.lastScanAt())), 80,
                        "When the gate last scanned")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No scans yet."));
        return table;
    }

    private TableView<LiveRow<DeviceLine>> devicesTable() {
        Runnable sync = () -> InPlace.rows(deviceRows, DeviceLine.of(model.devices()), l -> l.device().deviceId());
        model.devices().addListener((ListChangeListener<GateLines.Device>) c -> sync.run());
        sync.run();
        TableView<LiveRow<DeviceLine>> table = new TableView<>(deviceRows);
        table.setId("gates-devices");
        table.getColumns().setAll(List.of(
                headed(Widgets.<DeviceLine>liveColumn("Scanner",
                                device(d -> d.deviceId().toString().substring(0, 8))), 84,
                        "The scanner's device id (its first 8 characters)"),
                headed(Widgets.<DeviceLine>liveColumn("Gate", device(d -> d.gate() == null ? "" : d.gate())), 70,
                        "The gate of its last scan session"),
                headed(Widgets.<DeviceLine>liveColumn("Passed", device(d -> Money.count(d.accepted()))), 72,
                        "Scans it let through at this show"),
                headed(Widgets.<DeviceLine>liveColumn("Refused", device(d -> Money.count(d.rejected()))), 80,
                        "Scans it refused"),
                headed(Widgets.<DeviceLine>liveColumn("Last", DeviceLine::last), 96, "How long ago it last scanned"),
                headed(Widgets.<DeviceLine>liveColumn("Online", device(d -> d.online() ? "● online" : "○ offline")), 84,
                        "Whether it is connected to the backend now")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No scanner has scanned this show."));
        return table;
    }

    private static TableColumn<LiveRow<GateLines.Gate>, String> gate(
            String title, java.util.function.Function<GateLines.Gate, String> text) {
        return Widgets.liveColumn(title, text);
    }

    private static java.util.function.Function<DeviceLine, String> device(
            java.util.function.Function<GateLines.Device, String> text) {
        return line -> text.apply(line.device());
    }

    /** When and where the device let the holder in again: its own clock, or when it uploaded if it sent none. */
    private static String againOffline(Scanning.Conflict c) {
        if (c.conflicting() == null) {
            return "";
        }
        Instant at = c.conflicting().scannedAt() != null ? c.conflicting().scannedAt() : c.conflicting().recordedAt();
        return (at == null ? "" : TIME.format(at) + " ") + nullToEmpty(c.conflicting().gate());
    }

    /** "Title (n)", n the list's size as it changes. */
    private static javafx.beans.binding.StringExpression counted(String title, ObservableList<?> items) {
        return javafx.beans.binding.Bindings.concat(title, " (", javafx.beans.binding.Bindings.size(items), ")");
    }

    private VBox conflicts() {
        TableView<Scanning.Conflict> table = new TableView<>(model.conflicts());
        table.setId("gates-conflicts");
        table.getColumns().setAll(List.of(
                headed(Widgets.column("Ticket", c -> c.ticketType() + (c.seatIndex() == null ? ""
                        : " · seat " + c.seatIndex())), CONFLICT_COLUMN, "The ticket's type, and its seat"),
                headed(Widgets.column("Admitted", c -> c.admitted() == null || c.admitted().at() == null ? ""
                        : TIME.format(c.admitted().at()) + " " + nullToEmpty(c.admitted().gate())), CONFLICT_COLUMN,
                        "When and at which gate the backend admitted it"),
                headed(Widgets.column("Again, offline", GatesView::againOffline), CONFLICT_COLUMN,
                        "When and at which gate an offline scanner let it in again (its own clock)")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No double admissions."));
        Button export = new Button("Export CSV…");
        export.setId("gates-export");
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        export.disableProperty().bind(model.export().executable().not().or(model.export().running()));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the double admissions");
            chooser.setInitialFileName("double-admissions.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.exportConflicts(file.toPath());
            }
        });
        Label note = new Label();
        note.textProperty().bind(javafx.beans.binding.Bindings.when(model.exportOutcome().isEmpty())
                .then(model.conflictsNote()).otherwise(model.exportOutcome()));
        note.setId("gates-conflicts-note");
        note.setWrapText(true);
        HBox actions = new HBox(12, export, note);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        return content;
    }

    private static <T> javafx.scene.control.TableColumn<T, String> width(
            javafx.scene.control.TableColumn<T, String> column, double width) {
        column.setPrefWidth(width);
        return column;
    }

    /**
     * A column at a width its header and cells fit in, never squeezed below it; the header is a label with a
     * tooltip that says in full what the short header means (a graphic, as a column has no tooltip of its own).
     */
    private static <T> TableColumn<T, String> headed(TableColumn<T, String> column, double width, String tip) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(tip));
        header.setStyle("-fx-padding: 0"); // the header around it has the padding; a stylesheet's would come twice
        column.setText(null);
        column.setGraphic(header);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * A series per gate, kept while the gates stay the same (their points moved in place by {@link ChartPoints});
     * new series, and so a new legend, only when a gate comes or goes.
     */
    private void plot(Map<String, List<Scanning.Minute>> byGate) {
        List<String> names = chart.getData().stream().map(XYChart.Series::getName).toList();
        if (!names.equals(List.copyOf(byGate.keySet()))) {
            List<XYChart.Series<Number, Number>> series = new ArrayList<>();
            for (String gate : byGate.keySet()) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(gate);
                series.add(s);
            }
            chart.getData().setAll(series);
        }
        int i = 0;
        for (List<Scanning.Minute> minutes : byGate.values()) {
            Instant now = minutes.isEmpty() ? Instant.now() : minutes.getLast().minute();
            ChartPoints.set(chart.getData().get(i++), minutes.size(),
                    k -> -Duration.between(minutes.get(k).minute(), now).toMinutes(),
                    k -> minutes.get(k).accepted() + minutes.get(k).rejected());
        }
    }
}
