package za.voelgoed.console.gates;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import za.voelgoed.console.gates.viewmodel.GateLines;
import za.voelgoed.console.viewmodel.Money;

/**
 * A gate's tile on the wall: its scans this minute large, and "passed · refused" under it in text sized by the
 * tile, readable from across a hall. The counts go in the tile's text line, not its description: the description
 * is a Label, whose font the console's stylesheet (13 px on the root) overrides whatever the tile sets, while the
 * text line is drawn at a share of the tile ({@link Tile.TextSize#BIGGER}: 8 %, as the title).
 */
public final class GateTile {

    private GateTile() {
    }

    public static Tile create(String gate, double side) {
        return TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(side, side).title("Gate " + gate)
                .unit("scans/min").decimals(0).animated(false).textVisible(true).textSize(Tile.TextSize.BIGGER)
                .build();
    }

    /** Puts the gate's figures on its tile. */
    public static void show(Tile tile, GateLines.Gate gate) {
        String counts = Money.count(gate.accepted()) + " passed · " + Money.count(gate.rejected()) + " refused";
        if (!counts.equals(tile.getText())) {
            tile.setText(counts);
        }
        tile.setValue(gate.lastMinute());
    }
}
