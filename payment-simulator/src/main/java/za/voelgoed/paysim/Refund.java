package za.voelgoed.paysim;

import java.time.Instant;

/** A refund of part or all of a captured amount; the simulator's refunds always succeed. */
record Refund(String id, String authorizationId, long amountCents, String status, Instant createdAt) {

    static Refund succeeded(String id, String authorizationId, long amountCents, Instant createdAt) {
        return new Refund(id, authorizationId, amountCents, "succeeded", createdAt);
    }
}
