package za.voelgoed.paysim;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks a provider makes before it asks the card network anything; each failure is a 422. */
final class CardChecks {

    private static final Pattern DIGITS = Pattern.compile("\\d{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/(\\d{2})");
    private static final Pattern CVV = Pattern.compile("\\d{3,4}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private CardChecks() {
    }

    /** True for 12 to 19 digits whose Luhn check digit is right. */
    static boolean luhnValid(String number) {
        if (number == null || !DIGITS.matcher(number).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** {@code MM/YY}; a card is good through the last day of its expiry month. */
    static void checkExpiry(String expiry, YearMonth now) {
        Matcher parts = expiry == null ? null : EXPIRY.matcher(expiry);
        if (parts == null || !parts.matches()) {
            throw SimulatorException.invalid("invalid_expiry", "expiry must be MM/YY");
        }
        YearMonth last = YearMonth.of(2000 + Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(1)));
        if (last.isBefore(now)) {
            throw SimulatorException.invalid("expired_card", "the card expired at the end of " + expiry);
        }
    }

    static void checkCardNumber(String number) {
        if (!luhnValid(number)) {
            throw SimulatorException.invalid("invalid_card_number",
                    "card_number must be 12 to 19 digits with a valid Luhn check digit");
        }
    }

    static void checkCvv(String cvv) {
        if (cvv == null || !CVV.matcher(cvv).matches()) {
            throw SimulatorException.invalid("invalid_cvv", "cvv must be 3 or 4 digits");
        }
    }

    static void checkAmount(long amountCents) {
        if (amountCents <= 0) {
            throw SimulatorException.invalid("invalid_amount", "amount_cents must be greater than 0");
        }
    }

    static void checkCurrency(String currency) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw SimulatorException.invalid("invalid_currency", "currency must be a three-letter ISO 4217 code");
        }
    }
}
