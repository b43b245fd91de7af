package za.voelgoed.payments;

/**
 * The provider refused the request (a 4xx): invalid card data, an amount over what may be captured or
 * refunded, a reused idempotency key… Sending it again unchanged gets the same answer, so it is never
 * retried.
 */
public final class PaymentRejected extends PaymentException {

    private final int status;
    private final String code;

    public PaymentRejected(int status, String code, String message) {
        super(status + " " + code + ": " + message, null);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, e.g. 422 for invalid card data, 409 for a state conflict, 404 for an unknown id. */
    public int status() {
        return status;
    }

    /** The provider's stable code, e.g. {@code invalid_card_number}, {@code refund_exceeds_captured}. */
    public String code() {
        return code;
    }
}
