package za.voelgoed.seating;

import java.util.List;

/** Some of the requested seats are not free; the API answers 409 naming them. */
public final class SeatsTakenException extends RuntimeException {

    private final List<String> seats;

    public SeatsTakenException(List<String> seats) {
        super("seats not available: " + String.join(", ", seats));
        this.seats = List.copyOf(seats);
    }

    public List<String> seats() {
        return seats;
    }
}
