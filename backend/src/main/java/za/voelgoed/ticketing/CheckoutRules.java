package za.voelgoed.ticketing;

import java.util.UUID;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.http.Validation;

/** Edge checks of a checkout body; the card itself is checked by the payment provider. */
final class CheckoutRules {

    private CheckoutRules() {
    }

    static UUID validate(CheckoutRequest request) {
        Validation check = new Validation()
                .require(Requests.isUuid(request.holdId()), "hold_id", "must be a hold id")
                .require(request.customer() != null, "customer", "is required")
                .require(request.payment() != null, "payment", "is required");
        if (request.customer() != null) {
            check.text(request.customer().name(), "customer.name", 1, 200)
                    .require(request.customer().email() != null
                            && request.customer().email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                            && request.customer().email().length() <= 254, "customer.email", "must be an email address");
        }
        if (request.payment() != null) {
            check.text(request.payment().cardNumber(), "payment.card_number", 12, 23)
                    .text(request.payment().expiry(), "payment.expiry", 4, 7)
                    .text(request.payment().cvv(), "payment.cvv", 3, 4);
        }
        if (request.couponCode() != null) {
            check.text(request.couponCode(), "coupon_code", 1, 40);
        }
        check.orThrow();
        return UUID.fromString(request.holdId());
    }
}
