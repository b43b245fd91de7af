package za.voelgoed.console.viewmodel;

import java.text.NumberFormat;
import java.util.Locale;

/** Amounts in cents as people read them: "R 1 234.50" for ZAR, "USD 12.00" for others. */
public final class Money {

    private Money() {
    }

    public static String format(long cents, String currency) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.ROOT);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        number.setGroupingUsed(true);
        String amount = number.format(cents / 100.0).replace(',', ' ');
        return symbol(currency) + " " + amount;
    }

    /** What goes before an amount: "R" for ZAR (and when no currency is given), the code for others. */
    public static String symbol(String currency) {
        String code = currency == null || currency.isBlank() ? "ZAR" : currency;
        return code.equals("ZAR") ? "R" : code;
    }

    public static String count(long value) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ROOT);
        number.setGroupingUsed(true);
        return number.format(value).replace(',', ' ');
    }
}
