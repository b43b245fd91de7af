package za.voelgoed.console.wall;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.viewmodel.Money;

/**
 * A show's tile on the wall's sales page: the share sold as a percentage, and "N of M sold, K held" under it in
 * text sized by the tile. That line is the percentage skin's description, a Label, whose font the console's
 * stylesheet (13 px on the root) overrides whatever the skin sets; the skin has no text line to use instead (as
 * {@code GateTile} does), so the Label gets an inline size, which outranks the stylesheet, kept at a share of the
 * tile as it is resized.
 */
final class ShowTile {

    /** The description's size as a share of the tile's side: 6 %, read from across a room on a 437 px tile. */
    static final double DESCRIPTION_SHARE = 0.06;
    private static final double MIN_FONT = 13;

    private ShowTile() {
    }

    static Tile create(Sales.Show show, double side) {
        Tile tile = TileBuilder.create().skinType(Tile.SkinType.PERCENTAGE).prefSize(side, side)
                .title(show.name()).unit("%").maxValue(Math.max(1, show.capacity())).maxValueVisible(false)
                .animated(false).description(description(show)).build();
        tile.setValue(show.sold());
        // the skin (and its Label) exists once the tile is styled, and each resize sets the skin's own size again
        tile.skinProperty().addListener(o -> fit(tile));
        tile.widthProperty().addListener(o -> fit(tile));
        tile.heightProperty().addListener(o -> fit(tile));
        return tile;
    }

    static String description(Sales.Show show) {
        return Money.count(show.sold()) + " of " + Money.count(show.capacity()) + " sold, "
                + Money.count(show.held()) + " held";
    }

    private static void fit(Tile tile) {
        double side = Math.min(tile.getWidth(), tile.getHeight());
        if (side <= 0) {
            side = Math.min(tile.getPrefWidth(), tile.getPrefHeight());
        }
        String style = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Math.max(MIN_FONT, side * DESCRIPTION_SHARE));
        for (Node node : tile.lookupAll(".label")) {
            if (node instanceof Label label && !style.equals(label.getStyle())) {
                label.setStyle(style);
            }
        }
    }
}
