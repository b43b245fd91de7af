package za.voelgoed.console.gates;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.hansolo.tilesfx.Tile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import za.voelgoed.console.ConsoleApp;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.gates.viewmodel.GateLines;
import za.voelgoed.console.gates.viewmodel.GatesViewModel;
import za.voelgoed.console.testing.OnFx;
import za.voelgoed.console.ui.SideBySide;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * The gates page and the wall's gate tiles laid out headless (Monocle) with the console's themes and stylesheet:
 * at a 1440 px window no header or cell of the gates and scanners tables is cut short with "…"; the double
 * admissions and the rejections are tabs in a laptop's window and side by side on a wide screen, in full either
 * way; and a gate tile's passed/refused line is drawn at a size read from a distance, not at the stylesheet's 13 px.
 */
class GatesLayoutTest {

    /** The shell's navigation column beside the page (190 px buttons, 8 px padding each side, a 1 px border). */
    private static final double NAV_WIDTH = 207;
    /** A tile of the wall at 1920×1080 (four columns, two rows). */
    private static final double WALL_TILE = 437;

    private final Instant now = Instant.now();
    private final UUID show = UUID.randomUUID();
    private Stage stage;

    /** A stage of its own: the primary stage, sized here, would stay that size for the console ITs after this. */
    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.registerStage(Stage::new);
    }

    @AfterEach
    void close() {
        OnFx.read(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void atA1440PxWindowTheGatesAndScannersTablesShowEveryHeaderAndCellInFull() {
        Parent page = gatesPage(1440, 900);
        assertThat(OnFx.read(() -> rows(page.lookup("#gates-devices")))).as("the scanners are listed").isEqualTo(5);
        assertThat(OnFx.read(() -> cutShort(page.lookup("#gates-devices")))).isEmpty();
        assertThat(OnFx.read(() -> cutShort(page.lookup("#gates-table")))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "1440, 900"})
    void inALaptopsWindowRejectionsAndDoubleAdmissionsAreTabsAndShowEveryCellInFull(int width, int height) {
        Parent page = gatesPage(width, height);
        SideBySide lower = (SideBySide) page.lookup("#gates-lower");
        assertThat(OnFx.read(lower::isTabbed)).isTrue();
        assertThat(OnFx.read(() -> page.lookupAll(".tab-label").stream().map(n -> ((Labeled) n).getText()).toList()))
                .as("the tabs say how many each holds").containsExactly("Rejections (1)", "Double admissions (2)");
        assertThat(OnFx.read(() -> cutShort(page.lookup("#gates-reasons")))).isEmpty();

        Node conflicts = OnFx.read(() -> {
            ((TabPane) lower.lookup(".tab-pane")).getSelectionModel().select(1);
            return page.lookup("#gates-conflicts");
        });
        settle(page);
        assertThat(OnFx.read(() -> rows(conflicts))).as("the double admissions are listed").isEqualTo(2);
        assertThat(OnFx.read(() -> cutShort(conflicts))).isEmpty();
    }

    /** 1600 px: as wide as the headless screen of the tests goes (a full-HD window is wider still). */
    @Test
    void onAWideScreenTheDoubleAdmissionsStayBesideTheRejectionsInFull() {
        Parent page = gatesPage(1600, 1000);
        assertThat(OnFx.read(() -> ((SideBySide) page.lookup("#gates-lower")).isTabbed())).isFalse();
        assertThat(OnFx.read(() -> rows(page.lookup("#gates-conflicts")))).isEqualTo(2);
        assertThat(OnFx.read(() -> cutShort(page.lookup("#gates-conflicts")))).isEmpty();
        assertThat(OnFx.read(() -> cutShort(page.lookup("#gates-reasons")))).isEmpty();
    }

    @Test
    void wideningAndNarrowingTheWindowMovesTheSameTablesBetweenPanelsAndTabs() {
        Parent page = gatesPage(1280, 800);
        SideBySide lower = (SideBySide) page.lookup("#gates-lower");
        Node reasons = OnFx.read(() -> page.lookup("#gates-reasons"));
        assertThat(OnFx.read(lower::isTabbed)).isTrue();

        resize(page, 1600, 1000);
        assertThat(OnFx.read(lower::isTabbed)).isFalse();
        assertThat(OnFx.read(() -> page.lookup("#gates-reasons"))).isSameAs(reasons);
        assertThat(OnFx.read(() -> rows(page.lookup("#gates-conflicts")))).isEqualTo(2);

        resize(page, 1280, 800);
        assertThat(OnFx.read(lower::isTabbed)).isTrue();
        assertThat(OnFx.read(() -> page.lookupAll("#gates-reasons"))).singleElement().isSameAs(reasons);
        assertThat(OnFx.read(() -> rows(reasons))).isEqualTo(1);
    }

    private void resize(Parent page, double width, double height) {
        OnFx.read(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        settle(page);
    }

    private Parent gatesPage(double width, double height) {
        GatesViewModel model = new GatesViewModel(Tasks.direct(), new FakeTopics(), UUID.randomUUID(), source(),
                Clock.systemUTC());
        Parent page = OnFx.read(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model.activate();
            model.tick(System.currentTimeMillis());
            Region nav = new Region();
            nav.setMinWidth(NAV_WIDTH);
            GatesView view = new GatesView(model);
            HBox.setHgrow(view, Priority.ALWAYS);
            show(new HBox(nav, view), width, height);
            return view;
        });
        settle(page);
        return page;
    }

    /** Lays the page out until it holds still: the row's width decides the arrangement, laid out on the next pulse. */
    private static void settle(Parent page) {
        WaitForAsyncUtils.waitForFxEvents();
        OnFx.read(() -> {
            page.applyCss();
            page.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long rows(Node table) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(r -> r instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null).count();
    }

    @Test
    void aGateTilesPassedAndRefusedReadFromADistance() {
        Tile tile = OnFx.read(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            Tile t = GateTile.create("North", WALL_TILE);
            t.setMaxSize(WALL_TILE, WALL_TILE);
            GateTile.show(t, new GateLines.Gate("North", 1_234, 56, 45, now));
            StackPane wall = new StackPane(t);
            wall.getStyleClass().add("wall");
            show(wall, WALL_TILE + 40, WALL_TILE + 40);
            return t;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Text> counts = OnFx.read(() -> tile.lookupAll("*").stream()
                .filter(n -> n instanceof Text t && t.isVisible() && t.getText() != null
                        && t.getText().contains(" passed")).map(Text.class::cast).toList());
        assertThat(counts).as("the tile shows the gate's counts").isNotEmpty();
        for (Text text : counts) {
            double size = OnFx.read(() -> text.getFont().getSize());
            assertThat(size).as("font size of '%s' on a %s px tile", text.getText(), WALL_TILE)
                    .isGreaterThanOrEqualTo(WALL_TILE * 0.06);
            assertThat(OnFx.read(() -> tile.sceneToLocal(text.localToScene(text.getBoundsInLocal())).getMaxX()))
                    .as("within the tile")
                    .isLessThanOrEqualTo(OnFx.read(tile::getWidth));
        }
    }

    private void show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    /** Every label or cell under {@code table} whose text is drawn shorter than it is (an ellipsis). */
    private static List<String> cutShort(Node table) {
        table.applyCss();
        if (table instanceof Parent p) {
            p.layout();
        }
        List<String> cut = new ArrayList<>();
        for (Node n : table.lookupAll(".text")) {
            if (n instanceof Text drawn && n.getParent() instanceof Labeled labeled && labeled.getText() != null
                    && !labeled.getText().isEmpty() && !labeled.getText().equals(drawn.getText())) {
                cut.add("'" + labeled.getText() + "' drawn as '" + drawn.getText() + "'");
            }
        }
        return cut;
    }

    private Scanning.Conflict conflict(String type, Integer seat, String gate, String offlineGate) {
        return new Scanning.Conflict(UUID.randomUUID(), type, seat,
                new Scanning.Admitted(UUID.randomUUID(), now, gate, UUID.randomUUID()),
                new Scanning.Conflicting(UUID.randomUUID(), UUID.randomUUID(), offlineGate, now.minusSeconds(59), now));
    }

    private GatesViewModel.Source source() {
        return new GatesViewModel.Source() {
            @Override
            public Sales.OrgSales shows() {
                return new Sales.OrgSales(UUID.randomUUID(), now, 1, "e", null, List.of(),
                        List.of(new Sales.Show(show, "Jazz op die Stoep", now, "on_sale", 1, 0, 0, 1, 0)), List.of());
            }

            @Override
            public Scanning.Stats stats(UUID event) {
                List<Scanning.Minute> minutes = List.of(new Scanning.Minute(now, 31, 1));
                List<Scanning.GateStats> gates = new ArrayList<>();
                List<Scanning.DeviceStats> devices = new ArrayList<>();
                String[] names = {"North", "South", "VIP", "Exit", "East"};
                long[] agoSeconds = {0, 52, 600, 6_000, 30};
                for (int i = 0; i < names.length; i++) {
                    gates.add(new Scanning.GateStats(names[i], 12_345, 1_234, minutes, now));
                    devices.add(new Scanning.DeviceStats(UUID.randomUUID(), names[i], 12_345, 1_234,
                            now.minusSeconds(agoSeconds[i])));
                }
                return new Scanning.Stats(event, now, 61_725, 6_170, Map.of("invalid", 6_170L), 61_725, 50_000L,
                        11_725L, minutes, gates, devices);
            }

            @Override
            public Scanning.Presence presence() {
                return new Scanning.Presence(List.of());
            }

            @Override
            public Scanning.Conflicts conflicts(UUID event) {
                List<Scanning.Conflict> two = List.of(conflict("ga", null, "North", "East"),
                        conflict("vip-early", 112, "VIP Lounge", "East"));
                return new Scanning.Conflicts(two, two.size());
            }

            @Override
            public String conflictsCsv(UUID event) {
                return "";
            }
        };
    }
}
