package za.voelgoed.console.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;

/** The banner nobody can miss while live data is stale; it hides itself when the stream is back. */
public final class StaleBanner extends HBox {

    public StaleBanner(ShellViewModel shell) {
        Label text = new Label();
        text.textProperty().bind(shell.banner());
        text.setWrapText(true);
        text.setId("stale-banner-text");
        FontIcon icon = FontIcon.of(Material2AL.ERROR_OUTLINE, 28);
        icon.setIconColor(javafx.scene.paint.Color.WHITE);
        getChildren().addAll(icon, text);
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("stale-banner");
        setId("stale-banner");
        visibleProperty().bind(shell.stale());
        managedProperty().bind(visibleProperty());
        setMaxHeight(USE_PREF_SIZE);
    }
}
