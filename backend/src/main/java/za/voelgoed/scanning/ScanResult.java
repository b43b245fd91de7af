package za.voelgoed.scanning;

import java.util.Locale;

/**
 * What a scan came to, pretix-style. {@link #OK} lets the holder through (in at an entry, out at an exit); every
 * other result rejects the scan with itself as the reason. {@link #NOT_YET_VALID} is an entry before the show's
 * doors open; {@link #NOT_INSIDE} an exit of a ticket whose holder is not inside (never entered, or already left);
 * {@link #BLOCKED} a ticket staff stopped at the gate (ADR 0025). */
public enum ScanResult {
    OK("admitted"),
    ALREADY_REDEEMED("the ticket was already admitted"),
    INVALID("the code is not a ticket of this organisation"),
    REVOKED("the ticket was voided"),
    REFUNDED("the ticket's order was refunded"),
    WRONG_EVENT("the ticket is for another show"),
    PRODUCT_NOT_ALLOWED("this gate does not admit the ticket's type"),
    UNPAID("the payment of the ticket's order could not be captured"),
    BLOCKED("staff blocked the ticket"),
    NOT_YET_VALID("the show's doors are not open yet"),
    NOT_INSIDE("the ticket's holder is not inside");
    private final String reason;

    ScanResult(String reason) {
        this.reason = reason;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A readable reason for a rejection; none for {@link #OK}. */
    public String reason() {
        return this == OK ? null : reason;
    }
}
