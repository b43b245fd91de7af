package za.voelgoed.payments;

/**
 * Why a provider call did not succeed; a caller switches over the three cases. Messages carry the
 * provider's codes and our request path, never card data.
 */
public abstract sealed class PaymentException extends RuntimeException
        permits PaymentDeclined, PaymentRejected, PaymentUnavailable {

    PaymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
