package za.voelgoed.shared.event;

/** An event or event type that breaks the contract; the message names the field and the rule. */
public class InvalidEventException extends IllegalArgumentException {
    public InvalidEventException(String message) {
        super(message);
    }
}
