package za.voelgoed.seating.model;

/** The bounds of a seat map, public so the API can document them. */
public final class SeatingLimits {

    public static final int MAX_SECTION_NAME_LENGTH = 40;
    public static final int MAX_ROW_LABEL_LENGTH = 10;
    public static final int MAX_SEATS_PER_ROW = 200;
    /** Keeps one show's seat bitmap at 2.5 kB and a best-available scan well under a millisecond. */
    public static final int MAX_SEATS = 20_000;
    public static final String CATEGORY_PATTERN = "[a-z][a-z0-9_]{0,29}";
    /**
     * The dearest ticket, in cents (one million in the show's currency). With at most 20,000 seats or
     * 1,000,000 tickets of a type it keeps every order total far inside a long.
     */
    public static final long MAX_PRICE_CENTS = 100_000_000L;

    private SeatingLimits() {
    }
}
