package za.voelgoed.ticketing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import za.voelgoed.shared.json.Json;

/** The data of the payment and ticket events the ticketing slice emits (schemas in {@code EventTypes}). */
final class PaymentEvents {

    /** A refund that gave money back to the card. */
    static final String REFUNDED = "refunded";
    /** A refund of a payment never captured: the authorisation was voided and nothing was charged. */
    static final String VOIDED = "voided";

    private PaymentEvents() {
    }

    static ObjectNode authorized(UUID paymentId, UUID orderId, long amountCents, String currency, UUID eventId) {
        return payment(paymentId, orderId, amountCents, currency, eventId);
    }

    /** {@code amount_cents} is what was captured; {@code source} what found the capture. */
    static ObjectNode captured(OrderStore.PaymentRow payment, long capturedCents, String source) {
        return payment(payment.id(), payment.orderId(), capturedCents, payment.currency(), payment.eventId())
                .put("source", source);
    }

    /**
     * {@code amount_cents} keeps its v1 meaning, the payment's amount; {@code outcome} and {@code refunded_cents}
     * say what the refund did: money back ({@code refunded}, the captured amount) or a void (0).
     */
    static ObjectNode refunded(OrderStore.PaymentRow payment) {
        boolean captured = payment.capturedCents() > 0;
        return payment(payment.id(), payment.orderId(), payment.amountCents(), payment.currency(), payment.eventId())
                .put("outcome", captured ? REFUNDED : VOIDED).put("refunded_cents", payment.capturedCents());
    }

    /** An authorisation the reconciliation voided because its checkout never recorded an order. */
    static ObjectNode orphanVoided(UUID orderId, long amountCents, String currency, UUID eventId) {
        ObjectNode data = Json.object().put("order_id", orderId.toString()).put("action", "orphan_voided")
                .put("amount_cents", amountCents).put("currency", currency);
        return eventId == null ? data : data.put("event_id", eventId.toString());
    }

    static ObjectNode ticketVoided(OrderStore.VoidedTicket ticket, UUID orderId, UUID eventId, String seatId) {
        ObjectNode data = Json.object().put("ticket_id", ticket.id().toString()).put("event_id", eventId.toString())
                .put("order_id", orderId.toString()).put("reason", "refund");
        return seatId != null ? data.put("seat_id", seatId) : data.put("ticket_type", ticket.ticketType());
    }

    private static ObjectNode payment(UUID paymentId, UUID orderId, long amountCents, String currency, UUID eventId) {
        return Json.object().put("payment_id", paymentId.toString()).put("order_id", orderId.toString())
                .put("amount_cents", amountCents).put("currency", currency).put("event_id", eventId.toString());
    }
}
