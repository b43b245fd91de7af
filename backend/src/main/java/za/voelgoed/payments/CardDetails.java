package za.voelgoed.payments;

import java.util.Objects;

/**
 * The card as the buyer typed it, on its way to the provider and nowhere else: never persist or log it.
 * {@link #toString()} shows the last four digits only, so an accidental log line leaks nothing.
 *
 * @param expiry {@code MM/YY}
 */
public record CardDetails(String number, String expiry, String cvv) {

    public CardDetails {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(cvv, "cvv");
    }

    public String last4() {
        return number.length() <= 4 ? number : number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return "CardDetails[****" + last4() + ", expiry=" + expiry + "]";
    }
}
