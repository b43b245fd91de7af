package za.voelgoed.seating;

import java.util.List;

/** Some of the requested seats are not free; the API answers 409 naming them. */
public final class SeatsTakenException extends RuntimeException {

    private final List<String> seats;

    public SeatsTakenException(List<String> seats) {
        // an answer (409), not a fault: no stack trace, which in a sold-out sale cost more than the answer
        super("seats not available: " + String.join(", ", seats), null, false, false);
        this.seats = List.copyOf(seats);
    }

    public List<String> seats() {
        return seats;
    }
}
