package za.voelgoed.seating;

/** The bounds of a seat map, public so the API can document them. */
public final class SeatingLimits {

    public static final int MAX_SECTION_NAME_LENGTH = 40;
    public static final int MAX_ROW_LABEL_LENGTH = 10;
    public static final int MAX_SEATS_PER_ROW = 200;
    /** Keeps one show's seat bitmap at 2.5 kB and a best-available scan well under a millisecond. */
    public static final int MAX_SEATS = 20_000;
    public static final String CATEGORY_PATTERN = "[a-z][a-z0-9_]{0,29}";

    private SeatingLimits() {
    }
}
