package za.voelgoed.payments;

/**
 * The card was declined ({@code card_declined}, {@code insufficient_funds}, …). A final answer: the
 * provider recorded the declined authorisation, and retrying with the same key returns the same decline.
 */
public final class PaymentDeclined extends PaymentException {

    private final String code;
    private final transient Authorization authorization;

    public PaymentDeclined(String code, Authorization authorization) {
        super("card declined: " + code + " (" + authorization.id() + ")", null);
        this.code = code;
        this.authorization = authorization;
    }

    public String code() {
        return code;
    }

    /** The declined authorisation as the provider recorded it. */
    public Authorization authorization() {
        return authorization;
    }
}
