package za.voelgoed.platform.jobs.cli;

/**
 * The exit codes of the {@code dlq} tool. Scripts branch on them, so once a value has a meaning it
 * keeps it; {@code docs/guides/dlq-tool.md} lists the same table.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A replay or discard (not a dry run) left some of the selected items alone. */
    public static final int ITEMS_SKIPPED = 1;
    /** Bad options or arguments; picocli's own code for invalid input, so it is not remapped. */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** 401 or 403: retrying with the same token will not help. */
    public static final int REFUSED = 4;
    /** Any other 4xx: the request itself needs changing (or, for 429, waiting). */
    public static final int REJECTED = 5;
    /** No answer, a 5xx, or an answer that is not the contract: worth retrying later. */
    public static final int UNAVAILABLE = 6;
    /** Outside the contract on purpose: the tool itself failed, and its stack trace is on stderr. */
    public static final int INTERNAL = 70;

    static final String HELP_FOOTER = "%nExit codes:%n"
            + "  0  success (dry runs included)%n"
            + "  1  some items were skipped by a replay or discard%n"
            + "  2  usage error (bad options or arguments)%n"
            + "  3  not found (404)%n"
            + "  4  authentication or authorisation refused (401/403)%n"
            + "  5  the backend rejected the request (other 4xx, e.g. 400/409/422/429)%n"
            + "  6  backend unreachable, or it answered 5xx or off-contract%n"
            + "Errors go to stderr as 'error: <code>: <detail>'.";

    private ExitCodes() {
    }

    static int forHttpStatus(int status) {
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return REFUSED;
        }
        if (status >= 400 && status < 500) {
            return REJECTED;
        }
        return UNAVAILABLE;
    }
}
