package za.voelgoed.ticketing;

import java.lang.System.Logger.Level;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.payments.PaymentException;
import za.voelgoed.payments.PaymentProvider;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.sales.SalesLedger;
import za.voelgoed.seating.Seating;
import za.voelgoed.shared.event.EventTypes;

/**
 * Refunds an order once: the payment is marked {@code refunding} under its row lock (a refund of a refunded
 * payment is refused there; one left {@code refunding} is finished), the provider refunds the captured amount
 * or voids an uncaptured authorisation, then one transaction records the refund, voids the tickets
 * ({@code ticket.voided} each), puts the inventory back on sale ({@code seat.returned}, on the show's seating
 * topic), moves the tickets from sold to refunded in the sales counters and emits {@code payment.refunded}
 * saying whether money went back or the authorisation was voided.
 */
final class Refunds {

    private static final System.Logger LOG = System.getLogger(Refunds.class.getName());

    private final Outbox outbox;
    private final DSLContext dsl;
    private final Seating seating;
    private final PaymentProvider payments;

    Refunds(Outbox outbox, DSLContext dsl, Seating seating, PaymentProvider payments) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.seating = seating;
        this.payments = payments;
    }

    void refund(Actor actor, UUID orgId, UUID orderId, String reason) {
        OrderStore.PaymentRow payment = markRefunding(orgId, orderId);
        String providerRefundId = atProvider(payment, orderId);
        Seating.Returned returned = outbox.transact(actor, tx -> record(tx, payment, providerRefundId, reason));
        Orders.afterCommit("return", orderId, () -> seating.afterReturned(returned));
    }

    private OrderStore.PaymentRow markRefunding(UUID orgId, UUID orderId) {
        return dsl.transactionResult(cfg -> {
            OrderStore.PaymentRow p = OrderStore.lockPaymentOfOrder(cfg.dsl(), orgId, orderId)
                    .orElseThrow(() -> ApiException.notFound("order_not_found", "no order " + orderId));
            if (p.status().equals("refunded")) {
                throw ApiException.conflict("already_refunded", "order " + orderId + " is " + p.status());
            }
            // "refunding" already: an earlier refund stopped between the provider and our ledger (a crash, a
            // failed commit); this one finishes it. The provider call repeats under the same idempotency key, so
            // it refunds once, and only one of two racing refunds gets past the check below.
            if (!p.status().equals("refunding")) {
                OrderStore.setPaymentStatus(cfg.dsl(), p.id(), "refunding", null, null);
            }
            return p;
        });
    }

    /** Money back when some was captured, else the authorisation released; the provider's id of what it did. */
    private String atProvider(OrderStore.PaymentRow payment, UUID orderId) {
        try {
            return payment.capturedCents() > 0
                    ? payments.refund(payment.providerAuthId(), payment.capturedCents(), "payment:" + payment.id() + ":refund").id()
                    : payments.voidAuthorization(payment.providerAuthId(), "payment:" + payment.id() + ":void").id();
        } catch (PaymentException e) {
            dsl.execute("update payments set status = ? where id = ? and status = 'refunding'", payment.status(), payment.id());
            LOG.log(Level.WARNING, "refund_failed order=" + orderId + " error=\"" + e.getMessage() + "\"");
            throw ApiException.of(503, "payment_unavailable", "Payment provider unavailable",
                    "the refund did not go through at the payment provider; nothing changed, try again");
        }
    }

    private Seating.Returned record(Transaction tx, OrderStore.PaymentRow payment, String providerRefundId,
                                    String reason) {
        UUID orderId = payment.orderId();
        if (!OrderStore.lockPayment(tx.sql(), payment.id()).map(p -> p.status().equals("refunding")).orElse(false)) {
            throw ApiException.conflict("already_refunded", "order " + orderId + " was refunded meanwhile");
        }
        OrderStore.setPaymentStatus(tx.sql(), payment.id(), "refunded", null, payment.capturedCents());
        OrderStore.insertRefund(tx.sql(), payment.id(), providerRefundId, payment.capturedCents(),
                reason == null ? null : PiiScrubber.scrubText(reason));
        OrderStore.Refunded refunded = OrderStore.refundOrder(tx.sql(), orderId);
        for (OrderStore.VoidedTicket ticket : refunded.tickets()) {
            String seatId = ticket.seatIndex() == null ? null : seating.seatId(refunded.eventId(), ticket.seatIndex());
            tx.emit(EventTypes.TICKET_VOIDED_V1, payment.orgId(), ticket.id(),
                    PaymentEvents.ticketVoided(ticket, orderId, refunded.eventId(), seatId));
        }
        SalesLedger.refunded(tx.sql(), orderId);
        Seating.Returned returned = new Seating.Returned(refunded.eventId(), orderId, refunded.ticketType(),
                refunded.quantity(), refunded.seatIndexes());
        seating.returnSold(tx, payment.orgId(), returned, "refund");
        tx.emit(EventTypes.PAYMENT_REFUNDED_V1, payment.orgId(), payment.id(), PaymentEvents.refunded(payment));
        return returned;
    }
}
