package za.voelgoed.seating.model;

/** One invalid part of a layout: {@code field} is a path such as {@code seating.sections[1].rows[0].seats}. */
public record SeatMapViolation(String field, String message) {
}
