package za.voelgoed.seating.model;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the best free seats for a quantity, always as one contiguous block in one row.
 *
 * <p>The choice, in order of preference:
 * <ol>
 *   <li>a block that strands no single free seat beside it in its row (it leaves 0 or at least 2 free
 *       seats on each side);</li>
 *   <li>only if no such block exists anywhere in the map (or category), a block that does strand one.
 *       A run of free seats only forces an orphan when it is exactly one seat longer than the block,
 *       so this fallback always leaves exactly one orphan. Selling the seats beats refusing a party
 *       because of one seat that is already hard to sell;</li>
 *   <li>otherwise nothing: a party is never split across rows or gaps. An empty result means "no
 *       adjacent seats", which the API answers with 409 and the buyer may pick seats themselves.</li>
 * </ol>
 * Within each preference the best block is in the first section (layout order), then the frontmost row
 * (row order as given), then closest to the row's centre; of two blocks equally far from the centre the
 * one with the lower seat numbers wins, so the same input always gives the same seats.
 *
 * <p>Cost is one pass over the candidate rows' free runs: linear in the seats of the map.
 */
public final class BestAvailable {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 10;

    private BestAvailable() {
    }

    /** Best seats in any category; {@code free} has bit i set when the seat at index i is free. */
    public static Optional<List<Seat>> choose(SeatMap map, BitSet free, int quantity) {
        return pick(map, free, quantity, null);
    }

    /** Best seats in {@code category}; empty when the map has no such category or no block in it. */
    public static Optional<List<Seat>> choose(SeatMap map, BitSet free, int quantity, String category) {
        return pick(map, free, quantity, Objects.requireNonNull(category, "category"));
    }

    private static Optional<List<Seat>> pick(SeatMap map, BitSet free, int quantity, String categoryOrNull) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(free, "free");
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException(
                    "quantity must be between " + MIN_QUANTITY + " and " + MAX_QUANTITY + ", not " + quantity);
        }
        Optional<List<Seat>> firstOrphaning = Optional.empty();
        for (SeatRow row : map.rows()) {
            if (categoryOrNull != null && !categoryOrNull.equals(row.category())) {
                continue;
            }
            CentralBlocks blocks = CentralBlocks.of(row, free, quantity);
            if (blocks.withoutOrphan().isPresent()) {
                return blocks.withoutOrphan(); // the first row in map order with a clean block wins outright
            }
            if (firstOrphaning.isEmpty()) {
                firstOrphaning = blocks.any();
            }
        }
        return firstOrphaning;
    }
}
