package za.voelgoed.payments;

import java.time.Instant;
import java.util.List;

/**
 * An authorisation as the provider reports it. {@code declineCode} is set only when declined; the card
 * appears as its last four digits only.
 */
public record Authorization(String id, AuthorizationStatus status, String declineCode, long amountCents,
                            String currency, long capturedCents, long refundedCents, String cardLast4,
                            String reference, Instant createdAt, List<Refund> refunds) {

    public Authorization {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }
}
