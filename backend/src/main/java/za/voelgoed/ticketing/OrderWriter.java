package za.voelgoed.ticketing;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.payments.Authorization;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Idempotent;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.sales.SalesLedger;
import za.voelgoed.seating.Hold;
import za.voelgoed.seating.Seating;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * The checkout's one transaction (ADR 0012): the attempt turns committed, the hold becomes the order, its
 * tickets and payment, the coupon use is taken, {@code ticket.sold} per ticket, {@code payment.authorized}
 * and {@code coupon.applied} are emitted, the capture job is enqueued and the sales counters count the sale.
 */
final class OrderWriter {

    /** What a checkout sells, checked and priced before the card was authorised. */
    record Sale(UUID orgId, UUID orderId, UUID holdId, CheckoutRequest request, Pricing.Quote quote) {
    }

    private final Seating seating;
    private final Coupons coupons;
    private final Jobs jobs;
    private final TicketKeys keys;

    OrderWriter(Seating seating, Coupons coupons, Jobs jobs, TicketKeys keys) {
        this.seating = seating;
        this.coupons = coupons;
        this.jobs = jobs;
        this.keys = keys;
    }

    void write(Transaction tx, Sale sale, Authorization auth, Idempotent.Outcome outcome) {
        DSLContext sql = tx.sql();
        if (!CheckoutAttempts.commit(sql, sale.orderId())) {
            // the reconciliation found this attempt's lease lapsed and voids its authorisation: no order for it
            throw ApiException.of(503, "checkout_interrupted", "Checkout interrupted", "the payment was released"
                    + " before the order could be recorded; nothing was charged, try again");
        }
        Hold hold = seating.lockForCheckout(sql, sale.orgId(), sale.holdId());
        String code = sale.request().couponCode();
        Coupons.Coupon coupon = code == null ? null : coupons.reserve(sql, sale.orgId(), code, hold.eventId());
        OrderStore.NewOrder order = newOrder(sale, hold, coupon);
        OrderStore.insertOrder(sql, order);
        issueTickets(tx, order, hold, sale.quote());
        UUID paymentId = UUID.randomUUID();
        OrderStore.insertPayment(sql, paymentId, order, auth.id());
        tx.emit(EventTypes.PAYMENT_AUTHORIZED_V1, sale.orgId(), paymentId, PaymentEvents.authorized(paymentId,
                order.id(), order.totalCents(), order.currency(), order.eventId()));
        if (coupon != null) {
            couponApplied(tx, order, coupon);
        }
        jobs.enqueue(sql, JobRequest.of(PaymentCapture.NAME, sale.orgId(), Json.object()
                .put("payment_id", paymentId.toString())).unique("capture", paymentId.toString()));
        outcome.created(sql, order.id());
        // the sales counters see the sale before any ticket.sold leaves this transaction (ADR 0019)
        SalesLedger.sold(sql, order.id());
        // last: a ticket type's row is shared by every buyer of it, so its lock is held only until the commit
        seating.convert(sql, hold, order.id());
    }

    private static void couponApplied(Transaction tx, OrderStore.NewOrder order, Coupons.Coupon coupon) {
        tx.emit(EventTypes.COUPON_APPLIED_V1, order.orgId(), coupon.id(), Json.object()
                .put("coupon_id", coupon.id().toString()).put("order_id", order.id().toString())
                .put("event_id", order.eventId().toString()).put("discount_cents", order.discountCents())
                .put("code", coupon.code()));
    }

    private static OrderStore.NewOrder newOrder(Sale sale, Hold hold, Coupons.Coupon coupon) {
        CheckoutRequest.Customer customer = sale.request().customer();
        Pricing.Quote quote = sale.quote();
        return new OrderStore.NewOrder(sale.orderId(), sale.orgId(), hold.eventId(), hold.id(), customer.name().strip(),
                customer.email().strip(), quote.subtotalCents(), quote.discountCents(), quote.totalCents(),
                quote.currency(), coupon == null ? null : coupon.code());
    }

    private void issueTickets(Transaction tx, OrderStore.NewOrder order, Hold hold, Pricing.Quote quote) {
        List<Long> prices = seating.unitPrices(tx.sql(), hold);
        TicketSigningKeys signer = keys.signer(tx, order.orgId());
        for (int i = 0; i < hold.quantity(); i++) {
            Integer seatIndex = hold.isGeneralAdmission() ? null : hold.seatIndexes().get(i);
            UUID ticketId = UUID.randomUUID();
            long price = TicketShares.share(prices, quote.discountCents(), i);
            OrderStore.insertTicket(tx.sql(), order, new OrderStore.NewTicket(ticketId, seatIndex, hold.ticketType(),
                    price, TicketCodes.issue(signer, order.orgId(), ticketId, hold.eventId())));
            var data = Json.object().put("ticket_id", ticketId.toString()).put("event_id", hold.eventId().toString())
                    .put("order_id", order.id().toString()).put("price_cents", price).put("currency", quote.currency());
            if (seatIndex != null) {
                data.put("seat_id", seating.seatId(hold.eventId(), seatIndex));
            } else {
                data.put("ticket_type", hold.ticketType());
            }
            tx.emit(EventTypes.TICKET_SOLD_V1, order.orgId(), ticketId, data);
        }
    }
}
