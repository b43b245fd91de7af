package za.voelgoed.payments;

import java.util.Objects;

/**
 * What the checkout asks the provider to reserve. {@code reference} ties the authorisation to our order
 * in the provider's ledger (reconciliation); it must not contain personal data.
 */
public record AuthorizationRequest(long amountCents, String currency, CardDetails card, String reference) {

    public AuthorizationRequest {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(card, "card");
    }
}
