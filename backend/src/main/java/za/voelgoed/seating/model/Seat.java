package za.voelgoed.seating.model;

/**
 * One seat of a {@link SeatMap}. {@code index} is its dense position 0..N-1 in layout order (sections,
 * then rows, then seat numbers), the bit that holds its state in a show's bitmap.
 */
public record Seat(SeatId id, int index, String category) {
}
