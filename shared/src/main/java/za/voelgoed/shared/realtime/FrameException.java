package za.voelgoed.shared.realtime;

/** A frame that cannot be accepted: {@code code} is stable, {@code ref} echoes the client's ref if any. */
public final class FrameException extends IllegalArgumentException {

    private final String code;
    private final String ref;

    public FrameException(String code, String message, String ref) {
        super(message);
        this.code = code;
        this.ref = ref;
    }

    public String code() {
        return code;
    }

    public String ref() {
        return ref;
    }
}
