package za.voelgoed.payments;

import java.time.Instant;

/** A refund against a captured authorisation; {@code status} is the provider's ({@code succeeded}). */
public record Refund(String id, String authorizationId, long amountCents, String status, Instant createdAt) {
}
