package za.voelgoed.shared.topic;

/** A text that is not a topic of the seed's families. */
public final class InvalidTopicException extends IllegalArgumentException {
    public InvalidTopicException(String message) {
        super(message);
    }
}
