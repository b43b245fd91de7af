package za.voelgoed.console.sales;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import za.voelgoed.console.ConsoleApp;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.testing.OnFx;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * The sales page headless (Monocle) with the console's theme: a read that changes figures updates the shows
 * table's cells, the chart's points and the latest-sales rows in place (the same nodes, new text), keeps the
 * selected row selected, and shows the same numbers a freshly built page would.
 */
class SalesViewInPlaceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final UUID org = UUID.randomUUID();
    private final UUID showA = UUID.randomUUID();
    private final UUID showB = UUID.randomUUID();
    private final FakeTopics topics = new FakeTopics();
    private final List<Sales.Sale> sales = new ArrayList<>();
    private long held = 2;
    private Stage stage;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.registerStage(Stage::new);
        sales.add(sale(1));
    }

    @AfterEach
    void close() {
        OnFx.read(() -> {
            stage.close();
            return null;
        });
    }

    private static Sales.Sale sale(int n) {
        return new Sales.Sale(UUID.nameUUIDFromBytes(new byte[] {(byte) n}), null, "Opening night", n, n * 15_000L,
                "ZAR", NOW.plusSeconds(n));
    }

    private Sales.OrgSales orgSales() {
        long sold = sales.stream().mapToLong(Sales.Sale::tickets).sum();
        List<Sales.Minute> minutes = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            minutes.add(new Sales.Minute(NOW.minus(Duration.ofMinutes(59 - m)), m == 59 ? sold : m % 3, 0));
        }
        return new Sales.OrgSales(org, NOW, 1, "e", new Sales.Totals(100, sold, held, 100 - sold - held, 0,
                sold * 15_000, "ZAR"), minutes,
                List.of(new Sales.Show(showA, "Opening night", NOW, "on_sale", 60, sold, held, 60 - sold - held,
                                sold * 15_000),
                        new Sales.Show(showB, "Matinee", NOW, "on_sale", 40, 0, 0, 40, 0)),
                List.copyOf(sales.reversed()));
    }

    @Test
    void aReadUpdatesTheTablesAndTheChartInPlaceAndKeepsTheSelection() {
        SalesViewModel model = new SalesViewModel(Tasks.direct(), topics, org, this::orgSales, id -> null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        SalesView view = OnFx.read(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model.activate();
            model.tick(0);
            SalesView page = new SalesView(model);
            Scene scene = new Scene(page, 1440, 900);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            table(page, "#shows-table").getSelectionModel().select(1);
            return page;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> showCells = OnFx.read(() -> cells(view, "#shows-table"));
        Set<Node> saleRows = OnFx.read(() -> cells(view, "#latest-sales"));
        List<XYChart.Data<Number, Number>> points = OnFx.read(() -> List.copyOf(series(view).getData()));
        assertThat(OnFx.read(() -> texts(view, "#shows-table"))).contains("1", "2", "57");

        held = 5;
        sales.add(sale(2));
        OnFx.read(() -> {
            topics.emit("ticketing:org:" + org, "ticket.sold.v1", Map.of());
            model.tick(1_000);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(OnFx.read(() -> texts(view, "#shows-table"))).contains("3", "5", "52").doesNotContain("57");
        assertThat(OnFx.read(() -> cells(view, "#shows-table"))).isEqualTo(showCells);
        assertThat(OnFx.read(() -> cells(view, "#latest-sales"))).hasSize(2 * saleRows.size()).containsAll(saleRows);
        assertThat(OnFx.read(() -> texts(view, "#latest-sales"))).contains("2", "1", "R 300.00", "R 150.00");
        assertThat(OnFx.read(() -> table(view, "#shows-table").getSelectionModel().getSelectedIndex())).isEqualTo(1);
        List<XYChart.Data<Number, Number>> after = OnFx.read(() -> List.copyOf(series(view).getData()));
        assertThat(after).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(after.get(i)).isSameAs(points.get(i));
        }
        assertThat(after.getLast().getYValue().longValue()).isEqualTo(3);
        assertThat(after.getFirst().getXValue().longValue()).isEqualTo(-59);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(Node page, String id) {
        return (TableView<Object>) page.lookup(id);
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Series<Number, Number> series(Node page) {
        return ((XYChart<Number, Number>) page.lookup("#sales-chart")).getData().getFirst();
    }

    /** The table's cells that show an item (the nodes themselves, so a test can tell kept from re-made). */
    private static Set<Node> cells(Node page, String id) {
        return page.lookup(id).lookupAll(".table-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> c && !c.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static List<String> texts(Node page, String id) {
        return page.lookup(id).lookupAll(".table-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> c && !c.isEmpty())
                .map(n -> ((IndexedCell<?>) n).getText()).toList();
    }
}
