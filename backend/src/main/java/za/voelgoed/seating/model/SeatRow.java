package za.voelgoed.seating.model;

import java.util.List;

/**
 * A row of a {@link SeatMap} with its seats in number order. Their indices are consecutive, so a row is
 * the bitmap range {@code firstIndex() .. firstIndex() + size() - 1}.
 */
public record SeatRow(String section, String label, String category, List<Seat> seats) {

    public SeatRow {
        seats = List.copyOf(seats);
    }

    public int size() {
        return seats.size();
    }

    public int firstIndex() {
        return seats.getFirst().index();
    }

    /** The seat numbered {@code number} (1-based), which must exist. */
    public Seat seat(int number) {
        return seats.get(number - 1);
    }

    /** Whether {@code index} falls inside this row, so scans can stop at the row's ends. */
    boolean holds(int index) {
        return index >= firstIndex() && index < firstIndex() + size();
    }
}
