package za.voelgoed.console.viewmodel;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts in cents as people read them: "R 1 234.50" for ZAR, "USD 12.00" for others; counts as "1 234 567".
 * Thousands are grouped with a space everywhere, the wall's tiles included ({@link #wholeNumbers()}).
 */
public final class Money {

    private Money() {
    }

    public static String format(long cents, String currency) {
        return symbol(currency) + " " + grouped("#,##0.00").format(cents / 100.0);
    }

    /** What goes before an amount: "R" for ZAR (and when no currency is given), the code for others. */
    public static String symbol(String currency) {
        String code = currency == null || currency.isBlank() ? "ZAR" : currency;
        return code.equals("ZAR") ? "R" : code;
    }

    public static String count(long value) {
        return wholeNumbers().format(value);
    }

    /** A new format of whole numbers grouped as {@link #count} writes them, for whoever keeps one (a tile). */
    public static DecimalFormat wholeNumbers() {
        return grouped("#,##0");
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        return new DecimalFormat(pattern, symbols);
    }
}
