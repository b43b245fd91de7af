package za.voelgoed.console.wall;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.text.DecimalFormat;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Telemetry;
import za.voelgoed.console.gates.GateTile;
import za.voelgoed.console.gates.viewmodel.GateLines;
import za.voelgoed.console.gates.viewmodel.GatesViewModel;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.shell.StaleBanner;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;
import za.voelgoed.console.telemetry.viewmodel.TelemetryViewModel;
import za.voelgoed.console.ui.Widgets;
import za.voelgoed.console.viewmodel.Money;
import za.voelgoed.console.wall.viewmodel.WallViewModel;

/**
 * Wall (kiosk) mode: no chrome, large TilesFX tiles for the organisation's shows, its operations and its gates
 * (more gates pages when a show has more than four gates), pages rotating at the chosen interval, the staleness
 * banner on top. Keys: Space pauses live updates,
 * → shows the next page, H holds the rotation, Esc leaves the wall.
 */
public final class WallView extends BorderPane {

    /** Shows on the sales page; the wall has four columns and two rows of tiles. */
    static final int MAX_SHOW_TILES = 4;
    private static final int COLUMNS = 4;
    private static final double GAP = 16;
    private static final double TILE = 300;

    private final SalesViewModel sales;
    private final TelemetryViewModel telemetry;
    private final WallViewModel wall;
    private final Label clock = new Label();
    private final Label pageLabel = new Label();
    private final FlowPane showTiles = new FlowPane(16, 16);
    private final List<Node> pages = new ArrayList<>();
    private final StackPane holder = new StackPane();
    private final Tile sold = number("Tickets sold", "");
    /** The revenue tile's format: its prefix follows the organisation's currency. */
    private final DecimalFormat revenueFormat = Money.wholeNumbers();
    private final Tile revenue = number("Revenue", "", revenueFormat);
    private final Tile available = number("Available", "");
    private final Tile lastHour = number("Sold in the last hour", "");
    private final Tile rate = number("Events per second", "/s");
    private final Tile p99 = number("Push latency p99", "ms");
    private final Tile dlq = number("Dead letters", "");
    private final Tile sockets = number("Live connections", "");
    private final Tile dropped = number("Dropped messages", "");
    private final Tile backlog = number("Jobs waiting", "");
    private final Tile inside = number("Inside now", "");
    private final Tile scansNow = number("Scans this minute", "scans/min");
    private final Tile admitted = number("Accepted scans", "");
    private final Tile refused = number("Rejected scans", "");
    private final java.util.Map<String, Tile> gateTileByName = new java.util.HashMap<>();
    private final FlowPane gateTiles = new FlowPane(GAP, GAP);
    /** The gates past the first page's, in order, as laid out on the further gates pages. */
    private final List<Tile> moreGateTiles = new ArrayList<>();

    /** Gates on the gates page, under its four figures; the rest go to further gates pages. */
    static final int FIRST_PAGE_GATES = 4;
    /** Gates on each further gates page. */
    static final int MORE_PAGE_GATES = 8;
    /** The index of the gates page in the rotation. */
    public static final int GATES_PAGE = 2;
    /** Sales, operations and the first gates page; further gates pages follow them. */
    private static final int BASE_PAGES = 3;

    public WallView(ShellViewModel shell, SalesViewModel sales, TelemetryViewModel telemetry, GatesViewModel gates,
                    WallViewModel wall) {
        this.sales = sales;
        this.telemetry = telemetry;
        this.wall = wall;
        getStyleClass().add("wall");
        setId("wall");
        Label title = new Label();
        title.textProperty().bind(shell.organisation());
        title.getStyleClass().add("wall-title");
        clock.getStyleClass().add("wall-clock");
        pageLabel.getStyleClass().add("wall-clock");
        HBox top = new HBox(24, title, Widgets.grow(), pageLabel, clock);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(16, 24, 8, 24));
        setTop(new VBox(top, new StaleBanner(shell)));

        pages.add(page("Sales", showTiles, new FlowPane(GAP, GAP, sold, revenue, available, lastHour)));
        pages.add(page("Operations", new FlowPane(GAP, GAP, rate, p99, sockets, dlq, dropped, backlog)));
        pages.add(page("Gates", new FlowPane(GAP, GAP, inside, scansNow, admitted, refused), gateTiles));
        gates.stats().addListener((o, was, now) -> showGates(gates));
        gates.gates().addListener((javafx.collections.ListChangeListener<GateLines.Gate>) c -> showGates(gates));
        widthProperty().addListener((o, was, now) -> resizeTiles());
        heightProperty().addListener((o, was, now) -> resizeTiles());
        setCenter(holder);
        wall.page().addListener((o, was, now) -> showPage(now.intValue()));
        showPage(0);
        sales.totals().addListener((o, was, now) -> showSales());
        sales.shows().addListener((javafx.collections.ListChangeListener<Sales.Show>) c -> showShows());
        sales.perMinute().addListener((o, was, now) ->
                lastHour.setValue(now.stream().mapToLong(Sales.Minute::sold).sum()));
        telemetry.current().addListener((o, was, now) -> showTelemetry(now));
    }

    /** At the pulse: the clock. */
    public void tick() {
        clock.setText(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
    }

    private VBox page(String name, Node... rows) {
        Label heading = new Label(name);
        heading.getStyleClass().add("wall-title");
        VBox box = new VBox(16, heading);
        box.getChildren().addAll(rows);
        box.setPadding(new Insets(8, 24, 24, 24));
        box.setUserData(name);
        return box;
    }

    private void showPage(int index) {
        if (index >= pages.size()) {
            return; // a gates page that went with its gates; the rotation moves on from it
        }
        holder.getChildren().setAll(pages.get(index));
        pageLabel.setText(pages.get(index).getUserData() + "  " + (index + 1) + "/" + pages.size());
    }

    private void showSales() {
        Sales.Totals t = sales.totals().get();
        if (t == null) {
            return;
        }
        sold.setValue(t.sold());
        available.setValue(t.available());
        revenueFormat.setPositivePrefix(Money.symbol(t.currency()) + " ");
        revenue.setValue(Math.floorDiv(t.revenueCents(), 100)); // whole units, never rounded up
    }

    private void showShows() {
        List<Node> tiles = new ArrayList<>();
        for (Sales.Show show : sales.shows().stream().limit(MAX_SHOW_TILES).toList()) {
            tiles.add(ShowTile.create(show, TILE));
        }
        showTiles.getChildren().setAll(tiles);
        resizeTiles();
    }

    private void showGates(GatesViewModel gates) {
        var stats = gates.stats().get();
        if (stats == null) {
            return;
        }
        inside.setTitle("Inside now — " + gates.title().get());
        inside.setValue(stats.inside() != null ? stats.inside() : stats.admitted());
        var last = stats.perMinute().isEmpty() ? null : stats.perMinute().getLast();
        scansNow.setValue(last == null ? 0 : last.accepted() + last.rejected());
        admitted.setValue(stats.accepted());
        refused.setValue(stats.rejected());
        List<Tile> tiles = new ArrayList<>();
        for (GateLines.Gate gate : gates.gates()) {
            // a gate keeps its tile: a new tile per update would lay out and size its text again each time
            Tile tile = gateTileByName.computeIfAbsent(gate.gate(), name -> GateTile.create(name, TILE));
            GateTile.show(tile, gate);
            tiles.add(tile);
        }
        gateTileByName.keySet().retainAll(gates.gates().stream().map(GateLines.Gate::gate).toList());
        List<Node> first = List.copyOf(tiles.subList(0, Math.min(FIRST_PAGE_GATES, tiles.size())));
        List<Tile> rest = tiles.subList(first.size(), tiles.size());
        boolean changed = !gateTiles.getChildren().equals(first);
        if (changed) {
            gateTiles.getChildren().setAll(first);
        }
        if (!rest.equals(moreGateTiles)) {
            moreGateTiles.clear();
            moreGateTiles.addAll(rest);
            morePages();
            changed = true;
        }
        if (changed) {
            resizeTiles();
        }
    }

    /**
     * The gates past the gates page's first four, on further gates pages of eight (two rows of four, as large as
     * every other tile) that follow it in the rotation: a control room sees every gate within one rotation, each
     * readable from across the room, however many gates the show has.
     */
    private void morePages() {
        pages.subList(BASE_PAGES, pages.size()).clear();
        for (int from = 0; from < moreGateTiles.size(); from += MORE_PAGE_GATES) {
            List<Tile> onPage = moreGateTiles.subList(from, Math.min(moreGateTiles.size(), from + MORE_PAGE_GATES));
            int split = Math.min(COLUMNS, onPage.size());
            FlowPane top = new FlowPane(GAP, GAP);
            top.getChildren().setAll(onPage.subList(0, split));
            FlowPane bottom = new FlowPane(GAP, GAP);
            bottom.getChildren().setAll(onPage.subList(split, onPage.size()));
            pages.add(page("Gates " + (pages.size() - BASE_PAGES + 2), top, bottom));
        }
        int shown = wall.page().get();
        wall.pages(pages.size());
        if (wall.page().get() == shown) {
            showPage(shown); // the same index, a page made anew (or the page count in its label changed)
        }
    }

    private void showTelemetry(Telemetry t) {
        if (t == null) {
            return;
        }
        rate.setValue(t.eventsPerSecondTotal());
        p99.setValue(t.pushLatencyMs().p99());
        dlq.setValue(t.dlqDepth());
        sockets.setValue(t.websocketConnections());
        dropped.setValue(t.droppedMessages());
        backlog.setValue(t.jobBacklog().values().stream().mapToLong(Long::longValue).sum());
    }

    private static Tile number(String title, String unit) {
        return number(title, unit, Money.wholeNumbers());
    }

    /**
     * A figure in {@code format}: the skin's own format has no grouping, and would put a currency after the
     * amount as a unit. The skin keeps the format object, so a change to its prefix shows with the next value.
     */
    private static Tile number(String title, String unit, DecimalFormat format) {
        return TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(TILE, TILE).title(title).unit(unit)
                .decimals(0).customDecimalFormatEnabled(true).customDecimalFormat(format).animated(false).build();
    }

    /** Four columns and two rows fill the screen, whatever its size. */
    private void resizeTiles() {
        double width = (getWidth() - 48 - GAP * (COLUMNS - 1)) / COLUMNS;
        double height = (getHeight() - 190 - GAP) / 2;
        double side = Math.max(160, Math.min(width, height));
        for (Node page : pages) {
            for (Node row : ((VBox) page).getChildren()) {
                if (row instanceof FlowPane flow) {
                    for (Node tile : flow.getChildren()) {
                        ((Tile) tile).setPrefSize(side, side);
                    }
                }
            }
        }
    }

    /** For the tests: the wall's page names in order. */
    List<String> pageNames() {
        return pages.stream().map(p -> String.valueOf(p.getUserData())).toList();
    }
}
