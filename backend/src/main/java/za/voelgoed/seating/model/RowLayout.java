package za.voelgoed.seating.model;

/**
 * One row as an organiser describes it: seats are numbered 1..{@code seats} and all share one price
 * category. Unchecked until it becomes part of a {@link SeatMap}, so every mistake can be reported at once.
 */
public record RowLayout(String label, int seats, String category) {
}
