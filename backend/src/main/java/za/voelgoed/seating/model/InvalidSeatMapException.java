package za.voelgoed.seating.model;

import java.util.List;

/** A layout that cannot become a {@link SeatMap}, carrying every violation found, not just the first. */
public final class InvalidSeatMapException extends RuntimeException {

    private final List<SeatMapViolation> violations;

    InvalidSeatMapException(List<SeatMapViolation> violations) {
        super(violations.size() + " seating layout violation(s), first: " + violations.getFirst().field() + " "
                + violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public List<SeatMapViolation> violations() {
        return violations;
    }
}
