package za.voelgoed.scanning;

import java.util.Locale;

/**
 * What a scan came to, pretix-style. {@link #OK} admits the ticket; every other result rejects the scan with
 * itself as the reason. {@code not_yet_valid} is not produced yet: tickets have no validity window in this model.
 * {@code blocked} is a ticket staff stopped at the gate (ADR 0025).
 */
public enum ScanResult {
    OK("admitted"),
    ALREADY_REDEEMED("the ticket was already admitted"),
    INVALID("the code is not a ticket of this organisation"),
    REVOKED("the ticket was voided"),
    REFUNDED("the ticket's order was refunded"),
    WRONG_EVENT("the ticket is for another show"),
    PRODUCT_NOT_ALLOWED("this gate does not admit the ticket's type"),
    UNPAID("the payment of the ticket's order could not be captured"),
    BLOCKED("staff blocked the ticket");

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
