package za.voelgoed.payments;

/**
 * No usable answer after every attempt (timeouts, refused connections, 5xx, an unreadable answer). The
 * outcome is unknown: the provider may have acted on a request whose answer was lost. Call again later
 * with the same idempotency key, or reconcile against the provider's ledger; never with a new key.
 */
public final class PaymentUnavailable extends PaymentException {

    private final int attempts;

    public PaymentUnavailable(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
