package za.voelgoed.testing;

import java.util.List;

/** Card numbers in test data, and whether any of them is still readable in stored or sent text. */
public final class Cards {

    public static final String VISA = "4111111111111111";
    public static final String MASTERCARD = "5500000000000004";
    /** {@link #VISA} in full-width digits, as a phone keyboard in CJK mode types it. */
    public static final String VISA_FULL_WIDTH = VISA.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xFF10)))
            .reduce("", String::concat);

    private Cards() {
    }

    /**
     * Whether {@code pan} can be read in {@code text}: after every Unicode digit is made ASCII and the
     * spaces, dashes, dots, slashes and underscores people type inside a card number are dropped.
     */
    public static boolean readable(String text, String pan) {
        StringBuilder flat = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int digit = Character.digit(cp, 10);
            if (digit >= 0) {
                flat.append((char) ('0' + digit));
            } else if (!Character.isSpaceChar(cp) && !Character.isWhitespace(cp) && "-./_\u2013\uFF0E\uFF0F\uFF0D".indexOf(cp) < 0) {
                flat.appendCodePoint(cp);
            }
        });
        return flat.indexOf(pan) >= 0;
    }

    /** Every row of every table of the test database, as text. */
    public static String everyTableAsText() {
        StringBuilder text = new StringBuilder();
        List<List<Object>> tables = Db.rows("select tablename from pg_tables where schemaname = 'public'");
        for (List<Object> table : tables) {
            Db.rows("select t::text from \"" + table.get(0) + "\" t").forEach(r -> text.append(r.get(0)).append('\n'));
        }
        return text.toString();
    }
}
