package za.voelgoed.seating.model;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether taking some seats would strand single free seats: a seat left free whose neighbours in its row
 * are both taken or the row's end. The same rule {@link BestAvailable} avoids, usable for seats a buyer
 * picked themselves; the API decides whether to refuse or only report them.
 */
public final class OrphanRule {

    private OrphanRule() {
    }

    /**
     * The seats {@code selection} would strand, in index order; empty when it strands none. A seat that
     * was already stranded before the selection is not its doing and is not reported. {@code free} has
     * bit i set when the seat at index i is free; it is not modified.
     */
    public static List<SeatId> orphansLeftBy(SeatMap map, BitSet free, Collection<Seat> selection) {
        Objects.requireNonNull(map, "map");
        BitSet freeAfter = (BitSet) free.clone();
        selection.forEach(seat -> freeAfter.clear(seat.index()));
        TreeSet<Integer> orphans = new TreeSet<>();
        for (Seat seat : selection) {
            SeatRow row = map.rowOf(seat);
            for (int neighbour : new int[] {seat.index() - 1, seat.index() + 1}) {
                // Only a neighbour of a taken seat can become stranded by the taking.
                if (row.holds(neighbour) && isStranded(row, freeAfter, neighbour)
                        && !isStranded(row, free, neighbour)) {
                    orphans.add(neighbour);
                }
            }
        }
        return orphans.stream().map(index -> map.seatAt(index).id()).toList();
    }

    private static boolean isStranded(SeatRow row, BitSet free, int index) {
        return free.get(index) && !isFreeInRow(row, free, index - 1) && !isFreeInRow(row, free, index + 1);
    }

    private static boolean isFreeInRow(SeatRow row, BitSet free, int index) {
        return row.holds(index) && free.get(index);
    }
}
