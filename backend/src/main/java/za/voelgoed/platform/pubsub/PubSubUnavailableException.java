package za.voelgoed.platform.pubsub;

/** Redis did not take a publish: nothing was sent to any node. */
public final class PubSubUnavailableException extends RuntimeException {
    public PubSubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
