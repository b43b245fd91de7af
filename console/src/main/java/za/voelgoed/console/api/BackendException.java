package za.voelgoed.console.api;

/**
 * A call to the backend that did not give what was asked, said as a sentence a person at a desk can act
 * on. The backend's own words ({@code problem+json} detail) are kept apart in {@link #detail()}: they are
 * data from the server, shown as plain text, never as markup.
 */
public final class BackendException extends RuntimeException {

    /** What went wrong, as far as the console can tell. */
    public enum Kind {
        /** Nothing answered at the address, or the answer was not HTTP. */
        UNREACHABLE,
        /** The token is unknown, revoked or missing. */
        UNAUTHORIZED,
        /** The token is valid but its role may not do this. */
        FORBIDDEN,
        NOT_FOUND,
        /** The backend refused the request ({@code 4xx} problem). */
        REFUSED,
        /** The backend failed ({@code 5xx}) or is overloaded. */
        FAILED,
        /** The backend answered with something this console does not understand. */
        INCOMPATIBLE
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final String detail;

    public BackendException(Kind kind, int status, String code, String sentence, String detail, Throwable cause) {
        super(sentence, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The problem's stable code ({@code problem+json} {@code code}), or null. */
    public String code() {
        return code;
    }

    /** The backend's explanation, or null. */
    public String detail() {
        return detail;
    }

    /** The sentence to show: what happened, and the backend's reason when it gave one. */
    public String sentence() {
        return detail == null || detail.isBlank() ? getMessage() : getMessage() + " (" + detail + ")";
    }
}
