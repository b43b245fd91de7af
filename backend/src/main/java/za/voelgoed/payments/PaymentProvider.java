package za.voelgoed.payments;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The card payment provider as the checkout sees it. Each changing call takes the caller's idempotency
 * key: calling again with the same key and arguments returns the first outcome instead of acting
 * twice; the same key with other arguments is rejected ({@code idempotency_key_reused}).
 *
 * <p>Failures are {@link PaymentException}s: {@link PaymentDeclined} (the card said no),
 * {@link PaymentRejected} (the provider refused the request, do not retry as is) and
 * {@link PaymentUnavailable} (no answer after retries: outcome unknown).
 */
public interface PaymentProvider {

    /** Reserves the amount on the card; throws {@link PaymentDeclined} when the card is declined. */
    Authorization authorize(AuthorizationRequest request, String idempotencyKey);

    /** Takes {@code amountCents} of an authorisation, or all of it when empty; one capture per authorisation. */
    Authorization capture(String authorizationId, OptionalLong amountCents, String idempotencyKey);

    /** Returns part or all of what was captured and not yet refunded. */
    Refund refund(String authorizationId, long amountCents, String idempotencyKey);

    /** Releases an authorisation that was not captured. */
    Authorization voidAuthorization(String authorizationId, String idempotencyKey);

    /** The authorisation's current state, with its captured and refunded totals and its refunds. */
    Authorization status(String authorizationId);

    /**
     * One page of the provider's authorisations created at or after {@code since} (null: all), in
     * creation order after {@code after} (null: from the start), for reconciliation.
     */
    LedgerPage ledger(Instant since, String after, int limit);
}
