package za.voelgoed.seating.model;

/** Text that is not a well-formed {@code section:row:number} seat id. */
public final class MalformedSeatIdException extends IllegalArgumentException {

    MalformedSeatIdException(String message) {
        super(message);
    }
}
