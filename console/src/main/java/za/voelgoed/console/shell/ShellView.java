package za.voelgoed.console.shell;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.shell.viewmodel.PageId;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;
import za.voelgoed.console.ui.Widgets;

/**
 * The window's frame: navigation with a shortcut per page (Ctrl+1…5), a pause switch (Ctrl+P), the
 * staleness banner above the page, and a status bar with the connection, the organisation and the age
 * of the newest data. Pages are built the first time they are shown.
 */
public final class ShellView extends BorderPane {

    private final ShellViewModel shell;
    private final Map<PageId, Function<PageId, Node>> factories;
    private final Map<PageId, Node> built = new EnumMap<>(PageId.class);
    private final StackPane pageHolder = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();

    public ShellView(ShellViewModel shell, Map<PageId, Function<PageId, Node>> factories, Runnable wall) {
        this.shell = shell;
        this.factories = factories;
        setLeft(nav(wall));
        Label paused = new Label("Live updates paused — press Ctrl+P to resume");
        HBox pausedBanner = new HBox(paused);
        pausedBanner.getStyleClass().add("paused-banner");
        pausedBanner.visibleProperty().bind(shell.paused());
        pausedBanner.managedProperty().bind(pausedBanner.visibleProperty());
        pausedBanner.setId("paused-banner");
        VBox center = new VBox(new StaleBanner(shell), pausedBanner, pageHolder);
        VBox.setVgrow(pageHolder, javafx.scene.layout.Priority.ALWAYS);
        setCenter(center);
        setBottom(statusBar());
        shell.current().addListener((o, was, now) -> show(now));
        if (shell.current().get() != null) {
            show(shell.current().get());
        }
    }

    /** Puts the page shortcuts on the scene (scene-level, so they work whatever has focus). */
    public void installShortcuts(Scene scene, Runnable wall) {
        PageId[] pages = PageId.values();
        for (int i = 0; i < pages.length; i++) {
            PageId id = pages[i];
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> shell.current().set(id));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> shell.paused().set(!shell.paused().get()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), wall);
    }

    private VBox nav(Runnable wall) {
        Label brand = new Label("VoelgoedEvents");
        brand.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, brand);
        box.getStyleClass().add("nav");
        box.setPadding(new Insets(12, 8, 12, 8));
        PageId[] pages = PageId.values();
        for (int i = 0; i < pages.length; i++) {
            PageId id = pages[i];
            ToggleButton button = new ToggleButton(id.title() + "   Ctrl+" + (i + 1), FontIcon.of(icon(id), 18));
            button.setToggleGroup(navigation);
            button.setUserData(id);
            button.setId("nav-" + id.option());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> shell.current().set(id));
            box.getChildren().add(button);
        }
        ToggleButton pause = new ToggleButton("Pause live   Ctrl+P", FontIcon.of(Material2MZ.PAUSE, 18));
        pause.selectedProperty().bindBidirectional(shell.paused());
        pause.setId("pause-live");
        pause.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button wallButton = new javafx.scene.control.Button("Wall mode   F11",
                FontIcon.of(Material2AL.DASHBOARD, 18));
        wallButton.setMaxWidth(Double.MAX_VALUE);
        wallButton.setOnAction(e -> wall.run());
        wallButton.setId("open-wall");
        box.getChildren().addAll(Widgets.grow(), pause, wallButton);
        return box;
    }

    private static Ikon icon(PageId id) {
        return switch (id) {
            case SALES -> Material2MZ.SHOPPING_CART;
            case TELEMETRY -> Material2MZ.SPEED;
            case DLQ -> Material2AL.ERROR_OUTLINE;
            case GATES -> Material2MZ.SENSOR_DOOR;
            case CHECK_IN -> Material2MZ.QR_CODE_SCANNER;
        };
    }

    private HBox statusBar() {
        FontIcon dot = FontIcon.of(Material2AL.FIBER_MANUAL_RECORD, 14);
        Label connection = new Label();
        connection.textProperty().bind(shell.connection());
        connection.setGraphic(dot);
        connection.setId("status-connection");
        shell.state().addListener((o, was, now) -> styleState(connection, dot, now));
        styleState(connection, dot, shell.state().get());
        Label org = new Label();
        org.textProperty().bind(Bindings.concat("Organisation: ", shell.organisation()));
        org.setId("status-org");
        Label age = new Label();
        age.textProperty().bind(shell.dataAge());
        age.setId("status-age");
        Label problem = new Label();
        problem.textProperty().bind(shell.problem());
        problem.getStyleClass().add("state-down");
        problem.setId("status-problem");
        HBox bar = new HBox(24, connection, org, problem, Widgets.grow(), age);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static void styleState(Label label, FontIcon dot, LiveConnection.State state) {
        label.getStyleClass().removeAll("state-live", "state-down", "state-connecting");
        String style = switch (state) {
            case LIVE -> "state-live";
            case DOWN, CLOSED -> "state-down";
            case CONNECTING -> "state-connecting";
        };
        label.getStyleClass().add(style);
        dot.getStyleClass().setAll("ikonli-font-icon", style);
        dot.setIconColor(switch (state) {
            case LIVE -> javafx.scene.paint.Color.web("#1a7f37");
            case DOWN, CLOSED -> javafx.scene.paint.Color.web("#cf222e");
            case CONNECTING -> javafx.scene.paint.Color.web("#9a6700");
        });
    }

    private void show(PageId id) {
        if (id == null) {
            return; // the wall is showing instead
        }
        Node page = built.computeIfAbsent(id, k -> factories.get(k).apply(k));
        pageHolder.getChildren().setAll(page);
        navigation.getToggles().stream().filter(t -> t.getUserData() == id).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }
}
