package za.voelgoed.seating.model;

import java.util.List;

/**
 * One section as an organiser describes it, rows front to back. Unchecked until it becomes part of a
 * {@link SeatMap}, so every mistake can be reported at once.
 */
public record SectionLayout(String name, List<RowLayout> rows) {
}
