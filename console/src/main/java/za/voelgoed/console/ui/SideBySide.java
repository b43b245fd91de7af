package za.voelgoed.console.ui;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Two panels side by side while the row is wide enough for both, two tabs of the row's full width when it is not
 * (a laptop's window): a table squeezed beside another clips every cell, and one under the other would leave
 * each too short to read. The tabs' titles carry live counts, so a tab not shown still says what it holds.
 */
public final class SideBySide extends StackPane {

    /**
     * One of the two panels.
     *
     * @param title    the panel's title
     * @param tabTitle the tab's title (the title with a live count)
     * @param content  what the panel shows
     * @param width    its width side by side; 0 for "the rest of the row"
     */
    public record Part(String title, ObservableValue<String> tabTitle, Node content, double width) {
    }

    private final Part first;
    private final Part second;
    private final double wideEnough;
    private boolean tabbed;
    private TabPane tabs;
    private List<VBox> panels = List.of();

    /** {@code wideEnough}: the row's width from which both panels fit side by side. */
    public SideBySide(double wideEnough, double height, Part first, Part second) {
        this.first = first;
        this.second = second;
        this.wideEnough = wideEnough;
        setPrefHeight(height);
        setMinHeight(height);
        place(false);
        widthProperty().addListener((o, was, now) -> {
            boolean narrow = now.doubleValue() > 0 && now.doubleValue() < wideEnough;
            if (narrow != tabbed) {
                place(narrow);
            }
        });
    }

    public boolean isTabbed() {
        return tabbed;
    }

    private void place(boolean asTabs) {
        tabbed = asTabs;
        detach();
        if (asTabs) {
            tabs = new TabPane(tab(first), tab(second));
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            getChildren().setAll(tabs);
        } else {
            panels = List.of(panel(first), panel(second));
            getChildren().setAll(new HBox(12, panels.toArray(Node[]::new)));
        }
    }

    /** Frees the contents from their tabs or panels, so the next arrangement is their only parent. */
    private void detach() {
        if (tabs != null) {
            tabs.getTabs().forEach(t -> {
                t.textProperty().unbind();
                t.setContent(null);
            });
            tabs = null;
        }
        panels.forEach(panel -> panel.getChildren().removeAll(first.content(), second.content()));
        panels = List.of();
        getChildren().clear();
    }

    private static Tab tab(Part part) {
        Tab tab = new Tab();
        tab.textProperty().bind(part.tabTitle());
        tab.setContent(part.content());
        return tab;
    }

    private static VBox panel(Part part) {
        VBox panel = Widgets.panel(part.title(), part.content());
        if (part.width() > 0) {
            panel.setPrefWidth(part.width());
            panel.setMinWidth(part.width());
        } else {
            HBox.setHgrow(panel, Priority.ALWAYS);
        }
        return panel;
    }
}
