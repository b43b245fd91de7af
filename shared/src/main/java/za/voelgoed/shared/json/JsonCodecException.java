package za.voelgoed.shared.json;

/** A value could not be encoded or a text could not be decoded; the message says where and why. */
public final class JsonCodecException extends IllegalArgumentException {
    public JsonCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
