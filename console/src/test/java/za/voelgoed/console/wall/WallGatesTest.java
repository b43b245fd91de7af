package za.voelgoed.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import eu.hansolo.tilesfx.Tile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import za.voelgoed.console.ConsoleApp;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.api.Telemetry;
import za.voelgoed.console.gates.viewmodel.GatesViewModel;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.LiveStatus;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;
import za.voelgoed.console.telemetry.viewmodel.TelemetryViewModel;
import za.voelgoed.console.testing.OnFx;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;
import za.voelgoed.console.wall.viewmodel.WallViewModel;

/**
 * The wall at 1920×1080 headless (Monocle), with the console's theme and stylesheet: a show with seven gates has
 * every gate on a tile within one rotation, no tile smaller than on the other pages, and a show tile's
 * "N of M sold, K held" drawn at a size read from a distance, not at the stylesheet's 13 px, and the sales figures
 * grouped, the revenue in rand, as the pages show them.
 */
class WallGatesTest {

    private static final double WIDTH = 1920;
    private static final double HEIGHT = 1080;
    private static final List<String> GATES = List.of("North", "South", "VIP", "Exit", "East", "West", "Staff");

    private final Instant now = Instant.now();
    private final UUID org = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();
    /** R 185 101.50: the wall shows whole rand, never rounded up. */
    private final long revenueCents = 1_234 * 15_000L + 150;
    private String currency = "ZAR";

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void sevenGatesAllAppearWithinOneRotationAtFullSize() {
        WallViewModel rotation = new WallViewModel(3);
        WallView wall = wall(rotation);
        List<String> pages = OnFx.read(wall::pageNames);
        assertThat(pages).as("pages of the rotation").containsExactly("Sales", "Operations", "Gates", "Gates 2");
        assertThat(OnFx.read(rotation::pageCount)).isEqualTo(pages.size());
        Set<String> seen = new LinkedHashSet<>();
        double salesSide = 0;
        for (int i = 0; i < pages.size(); i++) {
            int page = i;
            OnFx.read(() -> {
                rotation.show(page);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (Tile tile : OnFx.read(() -> shownTiles(wall))) {
                double side = OnFx.read(tile::getWidth);
                if (page == 0) {
                    salesSide = Math.max(salesSide, side);
                }
                String title = OnFx.read(tile::getTitle);
                if (title.startsWith("Gate ")) {
                    assertThat(side).as("%s on page %s", title, pages.get(page)).isGreaterThanOrEqualTo(salesSide);
                    assertThat(OnFx.read(() -> tile.localToScene(tile.getLayoutBounds()).getMaxY()))
                            .as("%s on the screen", title).isLessThanOrEqualTo(HEIGHT);
                    seen.add(title.substring("Gate ".length()));
                }
            }
        }
        assertThat(salesSide).as("a tile of the sales page").isGreaterThan(400);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(GATES);
    }

    @Test
    void aShowTilesSoldAndHeldLineReadsFromADistance() {
        WallView wall = wall(new WallViewModel(3));
        List<Tile> shows = OnFx.read(() -> shownTiles(wall));
        assertThat(shows).as("the sales page's tiles").isNotEmpty();
        Tile tile = shows.stream().filter(t -> OnFx.read(t::getTitle).equals("Jazz op die Stoep")).findFirst()
                .orElseThrow();
        List<Label> lines = OnFx.read(() -> tile.lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getText() != null
                        && l.getText().contains(" held")).map(Label.class::cast).toList());
        assertThat(lines).as("the show's sold and held line").hasSize(1);
        double side = OnFx.read(tile::getWidth);
        assertThat(OnFx.read(() -> lines.getFirst().getFont().getSize()))
                .as("font size of '%s' on a %s px tile", OnFx.read(lines.getFirst()::getText), side)
                .isGreaterThanOrEqualTo(side * 0.05);
    }

    @Test
    void theSalesFiguresAreGroupedAndTheRevenueIsInRandAsThePagesShowIt() {
        WallView wall = wall(new WallViewModel(3));
        List<Tile> tiles = OnFx.read(() -> shownTiles(wall));
        assertThat(texts(tiles, "Revenue")).as("the revenue tile's texts").contains("R 185 101")
                .noneMatch(t -> t.contains("185101") || t.contains("185 102"));
        assertThat(texts(tiles, "Tickets sold")).as("the sold tile's texts").contains("1 234");
        assertThat(texts(tiles, "Available")).as("the available tile's texts").contains("2 754");
    }

    @Test
    void theRevenueTakesTheOrganisationsCurrency() {
        currency = "USD";
        WallView wall = wall(new WallViewModel(3));
        List<Tile> tiles = OnFx.read(() -> shownTiles(wall));
        assertThat(texts(tiles, "Revenue")).as("the revenue tile's texts").contains("USD 185 101")
                .noneMatch(t -> t.startsWith("R "));
    }

    /** The texts drawn on the shown tile titled {@code title}. */
    private static List<String> texts(List<Tile> tiles, String title) {
        Tile tile = tiles.stream().filter(t -> OnFx.read(t::getTitle).equals(title)).findFirst().orElseThrow();
        return OnFx.read(() -> tile.lookupAll("*").stream().filter(n -> n instanceof Text t && t.isVisible())
                .map(n -> ((Text) n).getText()).toList());
    }

    private WallView wall(WallViewModel rotation) {
        ShellViewModel shell = new ShellViewModel(new QuietLive(), Clock.systemUTC());
        SalesViewModel sales = new SalesViewModel(Tasks.direct(), new FakeTopics(), org, this::orgSales,
                id -> null, Clock.systemUTC());
        TelemetryViewModel telemetry = new TelemetryViewModel(Tasks.direct(), new FakeTopics(), org,
                () -> new Telemetry(org, now, 1, Map.of(), 0, new Telemetry.Latency(1, 2, 3), 0, 0, Map.of(),
                        List.of(), 0, 0), Clock.systemUTC());
        GatesViewModel gates = new GatesViewModel(Tasks.direct(), new FakeTopics(), org, source(), Clock.systemUTC());
        WallView view = OnFx.read(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            WallView w = new WallView(shell, sales, telemetry, gates, rotation);
            // laid out in a scene of its own size, not shown: the headless screen is smaller than a wall's
            Scene scene = new Scene(w, WIDTH, HEIGHT);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
            w.resize(WIDTH, HEIGHT);
            sales.activate();
            sales.tick(System.currentTimeMillis());
            gates.activate();
            gates.tick(System.currentTimeMillis());
            return w;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }

    /** The tiles of the page the wall shows now. */
    private static List<Tile> shownTiles(WallView wall) {
        wall.applyCss();
        wall.layout();
        wall.applyCss(); // tiles resized by the layout lay out their skins again
        wall.layout();
        List<Tile> tiles = new ArrayList<>();
        wall.lookupAll("*").forEach(n -> {
            if (n instanceof Tile t && t.getScene() != null && t.isVisible()) {
                tiles.add(t);
            }
        });
        return tiles;
    }

    private Sales.OrgSales orgSales() {
        Sales.Totals totals = new Sales.Totals(4_000, 1_234, 12, 2_754, 0, revenueCents, currency);
        return new Sales.OrgSales(org, now, 1, "e", totals, List.of(),
                List.of(new Sales.Show(show, "Jazz op die Stoep", now, "on_sale", 4_000, 1_234, 12, 2_754,
                        1_234 * 15_000L)), List.of());
    }

    private GatesViewModel.Source source() {
        return new GatesViewModel.Source() {
            @Override
            public Sales.OrgSales shows() {
                return orgSales();
            }

            @Override
            public Scanning.Stats stats(UUID event) {
                List<Scanning.Minute> minutes = List.of(new Scanning.Minute(now, 31, 1));
                List<Scanning.GateStats> gates = new ArrayList<>();
                for (String gate : GATES) {
                    gates.add(new Scanning.GateStats(gate, 1_234, 56, minutes, now));
                }
                return new Scanning.Stats(event, now, 8_638, 392, Map.of("invalid", 392L), 8_638, 8_000L, 638L,
                        minutes, gates, List.of());
            }

            @Override
            public Scanning.Presence presence() {
                return new Scanning.Presence(List.of());
            }

            @Override
            public Scanning.Conflicts conflicts(UUID event) {
                return new Scanning.Conflicts(List.of(), 0);
            }

            @Override
            public String conflictsCsv(UUID event) {
                return "";
            }
        };
    }

    /** A live connection that never changes state: the wall's banner stays away. */
    private static final class QuietLive implements LiveStatus {
        @Override
        public Instant lastFrameAt() {
            return Instant.now();
        }

        @Override
        public void addStateListener(LiveConnection.StateListener listener) {
        }
    }
}
