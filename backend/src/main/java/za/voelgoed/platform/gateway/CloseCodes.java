package za.voelgoed.platform.gateway;

/** Application close codes of {@code /ws} (4000–4999); clients act on them. */
public final class CloseCodes {

    /** A frame broke the protocol beyond what an error frame can answer. */
    public static final int PROTOCOL = 4400;
    /** Not authenticated in time, or the token is unknown or revoked: get a valid token before reconnecting. */
    public static final int UNAUTHORIZED = 4401;
    /** The client did not read fast enough and messages were lost: reconnect and resync (resume or snapshot). */
    public static final int RESYNC = 4408;
    /** Too many frames: reconnect after the advertised delay. */
    public static final int RATE_LIMITED = 4429;
    /** No frame or pong within the idle timeout. */
    public static final int IDLE = 4000;

    private CloseCodes() {
    }
}
