package za.voelgoed.seating.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Best available when no row has the seats side by side: the best single free seats (rows nearer the front
 * first, then nearer the row's centre), so a party is seated apart rather than refused while seats remain.
 */
public final class ScatteredSeats {

    private ScatteredSeats() {
    }

    public static Optional<List<Seat>> choose(SeatMap map, BitSet free, int quantity, String categoryOrNull) {
        List<Seat> candidates = new ArrayList<>();
        for (SeatRow row : map.rows()) {
            if (categoryOrNull != null && !row.category().equals(categoryOrNull)) {
                continue;
            }
            double centre = (row.size() + 1) / 2.0;
            row.seats().stream().filter(s -> free.get(s.index()))
                    .sorted(Comparator.comparingDouble(s -> Math.abs(s.id().number() - centre)))
                    .forEach(candidates::add);
        }
        return candidates.size() < quantity ? Optional.empty() : Optional.of(List.copyOf(candidates.subList(0, quantity)));
    }
}
