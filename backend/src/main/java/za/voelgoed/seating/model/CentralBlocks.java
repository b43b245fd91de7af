package za.voelgoed.seating.model;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The most central free block of one row: the best one that strands no single seat, and the best one
 * of all. Found by walking the row's maximal runs of free seats once.
 */
record CentralBlocks(Optional<List<Seat>> withoutOrphan, Optional<List<Seat>> any) {

    static CentralBlocks of(SeatRow row, BitSet free, int quantity) {
        Search search = new Search(row, quantity);
        int rowEnd = row.firstIndex() + row.size();
        int runStart = free.nextSetBit(row.firstIndex());
        while (runStart >= 0 && runStart < rowEnd) {
            int runEnd = Math.min(free.nextClearBit(runStart), rowEnd);
            search.consider(runStart, runEnd);
            runStart = free.nextSetBit(runEnd);
        }
        return new CentralBlocks(search.block(search.bestClean), search.block(search.bestAny));
    }

    /** Running best block starts (seat indices) while the runs of one row go by. */
    private static final class Search {

        private static final int NONE = -1;

        private final SeatRow row;
        private final int quantity;
        private int bestClean = NONE;
        private int bestAny = NONE;

        Search(SeatRow row, int quantity) {
            this.row = row;
            this.quantity = quantity;
        }

        /** Every placement of the block inside the free run {@code [runStart, runEnd)}. */
        void consider(int runStart, int runEnd) {
            for (int start = runStart; start + quantity <= runEnd; start++) {
                // Exactly one free seat left on a side is an orphan; none, or two and more, is fine.
                boolean strandsOne = start - runStart == 1 || runEnd - (start + quantity) == 1;
                // Starts only grow, so a strict comparison keeps the lower-numbered block on a tie.
                if (bestAny == NONE || offCentre(start) < offCentre(bestAny)) {
                    bestAny = start;
                }
                if (!strandsOne && (bestClean == NONE || offCentre(start) < offCentre(bestClean))) {
                    bestClean = start;
                }
            }
        }

        // Twice the distance between the block's centre and the row's centre, to stay in whole numbers.
        private int offCentre(int startIndex) {
            int startNumber = startIndex - row.firstIndex() + 1;
            return Math.abs(2 * startNumber + quantity - 1 - (row.size() + 1));
        }

        Optional<List<Seat>> block(int startIndex) {
            if (startIndex == NONE) {
                return Optional.empty();
            }
            int from = startIndex - row.firstIndex();
            return Optional.of(List.copyOf(row.seats().subList(from, from + quantity)));
        }
    }
}
