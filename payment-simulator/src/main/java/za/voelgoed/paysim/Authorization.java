package za.voelgoed.paysim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One authorisation as the provider reports it, and the rules of its lifecycle (see
 * {@link AuthorizationStatus}). Immutable: each change returns the next state or throws the 409 the
 * provider answers. Holds the card's last four digits only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Authorization(String id, AuthorizationStatus status, String declineCode, long amountCents, String currency,
                     long capturedCents, long refundedCents, String cardLast4, String reference, Instant createdAt,
                     List<Refund> refunds) {

    Authorization {
        refunds = List.copyOf(refunds);
    }

    static Authorization authorized(String id, long amountCents, String currency, String cardLast4, String reference,
                                    Instant createdAt) {
        return new Authorization(id, AuthorizationStatus.AUTHORIZED, null, amountCents, currency, 0, 0, cardLast4,
                reference, createdAt, List.of());
    }

    static Authorization declined(String id, String declineCode, long amountCents, String currency, String cardLast4,
                                  String reference, Instant createdAt) {
        return new Authorization(id, AuthorizationStatus.DECLINED, declineCode, amountCents, currency, 0, 0,
                cardLast4, reference, createdAt, List.of());
    }

    /** Captures {@code amount} (the whole authorised amount when empty); one capture per authorisation. */
    Authorization capture(OptionalLong amount) {
        requireAuthorized("capture");
        long cents = amount.orElse(amountCents);
        if (cents > amountCents) {
            throw SimulatorException.conflict("capture_exceeds_authorized",
                    "cannot capture " + cents + " of an authorisation for " + amountCents);
        }
        return new Authorization(id, AuthorizationStatus.CAPTURED, declineCode, amountCents, currency, cents, 0,
                cardLast4, reference, createdAt, refunds);
    }

    Authorization voided() {
        requireAuthorized("void");
        return new Authorization(id, AuthorizationStatus.VOIDED, declineCode, amountCents, currency, 0, 0,
                cardLast4, reference, createdAt, refunds);
    }

    /** The most a new refund may return: what was captured and is not refunded yet. */
    long refundable() {
        return capturedCents - refundedCents;
    }

    Authorization refunded(Refund refund) {
        if (refund.amountCents() <= 0 || refund.amountCents() > refundable()) {
            throw SimulatorException.conflict("refund_exceeds_captured", "cannot refund " + refund.amountCents()
                    + "; " + refundable() + " of the captured amount is not refunded yet");
        }
        List<Refund> all = new ArrayList<>(refunds);
        all.add(refund);
        long total = refundedCents + refund.amountCents();
        AuthorizationStatus next = total == capturedCents ? AuthorizationStatus.REFUNDED : status;
        return new Authorization(id, next, declineCode, amountCents, currency, capturedCents, total, cardLast4,
                reference, createdAt, all);
    }

    private void requireAuthorized(String action) {
        String code = switch (status) {
            case AUTHORIZED -> null;
            case DECLINED -> "authorization_declined";
            case VOIDED -> "authorization_voided";
            case CAPTURED, REFUNDED -> "already_captured";
        };
        if (code != null) {
            throw SimulatorException.conflict(code, "cannot " + action + " an authorisation that is "
                    + status.wireName());
        }
    }
}
