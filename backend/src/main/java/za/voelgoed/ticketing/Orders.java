package za.voelgoed.ticketing;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.payments.Authorization;
import za.voelgoed.payments.AuthorizationRequest;
import za.voelgoed.payments.CardDetails;
import za.voelgoed.payments.PaymentDeclined;
import za.voelgoed.payments.PaymentException;
import za.voelgoed.payments.PaymentProvider;
import za.voelgoed.payments.PaymentRejected;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.seating.Hold;
import za.voelgoed.seating.Seating;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Checkout and refunds (seed 8.1). Checkout: the hold is checked, the price computed, the card authorised
 * at the provider (outside any transaction — it is a network call), then one transaction turns the hold
 * into the order, its tickets and payment, takes the coupon use, emits {@code ticket.sold} per ticket,
 * {@code payment.authorized} and {@code coupon.applied}, and enqueues the capture job. If that transaction
 * fails, the authorisation is voided and the hold stays until it expires. A declined card leaves nothing.
 */
public final class Orders {

    private static final System.Logger LOG = System.getLogger(Orders.class.getName());

    private final Outbox outbox;
    private final DSLContext dsl;
    private final Seating seating;
    private final Coupons coupons;
    private final PaymentProvider payments;
    private final Jobs jobs;
    private final TicketKeys keys;

    public Orders(Outbox outbox, DSLContext dsl, Seating seating, Coupons coupons, PaymentProvider payments, Jobs jobs,
                  TicketKeys keys) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.seating = seating;
        this.coupons = coupons;
        this.payments = payments;
        this.jobs = jobs;
        this.keys = keys;
    }

    public OrderView checkout(Actor actor, UUID orgId, CheckoutRequest request) {
        UUID holdId = CheckoutRules.validate(request);
        Hold hold = seating.checkForCheckout(orgId, holdId);
        keys.ensureActive(actor, orgId);
        Pricing.Quote quote = quote(hold, request.couponCode(), orgId);
        UUID orderId = UUID.randomUUID();
        Authorization auth = authorize(orgId, orderId, quote, request.payment());
        boolean[] committed = {false};
        try {
            outbox.transact(actor, tx -> {
                record(tx, orgId, orderId, holdId, request, quote, auth);
                committed[0] = true;
                return null;
            });
        } catch (RuntimeException failed) {
            if (!committed[0]) {
                voidQuietly(auth, orderId);
                throw failed;
            }
            // the order is paid and stored; what failed came after the commit and must not undo it
            LOG.log(Level.WARNING, "order_after_commit_failed order=" + orderId + " error=\"" + failed.getMessage() + "\"");
        }
        afterCommit("convert", orderId, () -> seating.afterConverted(hold));
        return find(orgId, orderId).orElseThrow();
    }

    private Pricing.Quote quote(Hold hold, String couponCode, UUID orgId) {
        List<Long> prices = seating.unitPrices(dsl, hold);
        List<Pricing.Line> lines = new ArrayList<>();
        for (Long price : prices) {
            lines.add(new Pricing.Line(hold.isGeneralAdmission() ? hold.ticketType() : "seat", price, 1));
        }
        Pricing.CouponTerms terms = null;
        if (couponCode != null) {
            Coupons.Coupon coupon = coupons.check(dsl, orgId, couponCode, hold.eventId());
            terms = new Pricing.CouponTerms(coupon.kind().equals("percent") ? Pricing.CouponKind.PERCENT
                    : Pricing.CouponKind.FIXED, coupon.value());
        }
        return Pricing.quote(lines, seating.currency(hold.eventId()), terms);
    }

    private Authorization authorize(UUID orgId, UUID orderId, Pricing.Quote quote, CheckoutRequest.Card card) {
        try {
            return payments.authorize(new AuthorizationRequest(quote.totalCents(), quote.currency(),
                    new CardDetails(card.cardNumber().replace(" ", ""), card.expiry(), card.cvv()),
                    PaymentReconciliation.reference(orgId, orderId)),
                    "order:" + orderId + ":authorize");
        } catch (PaymentDeclined declined) {
            LOG.log(Level.INFO, "payment_declined order=" + orderId + " provider_code=" + declined.code());
            throw ApiException.of(402, "payment_declined", "Payment declined", "the card was declined; nothing was"
                    + " charged and the hold is kept until it expires");
        } catch (PaymentRejected rejected) {
            // the provider's own words stay in our log: they are not our contract and may quote what was sent
            LOG.log(Level.WARNING, "payment_rejected order=" + orderId + " status=" + rejected.status()
                    + " provider_code=" + rejected.code());
            throw ApiException.of(422, "payment_invalid", "Payment details invalid", "the payment provider refused"
                    + " the card details; check the card number, expiry date and CVV");
        } catch (PaymentException unavailable) {
            LOG.log(Level.WARNING, "payment_unavailable order=" + orderId + " error=\"" + unavailable.getMessage() + "\"");
            throw ApiException.of(503, "payment_unavailable", "Payment provider unavailable",
                    "the payment provider did not answer; nothing was ordered, try again with the same Idempotency-Key");
        }
    }

    private void record(Transaction tx, UUID orgId, UUID orderId, UUID holdId, CheckoutRequest request,
                        Pricing.Quote quote, Authorization auth) {
        DSLContext sql = tx.sql();
        Hold hold = seating.lockForCheckout(sql, orgId, holdId);
        Coupons.Coupon coupon = request.couponCode() == null ? null
                : coupons.reserve(sql, orgId, request.couponCode(), hold.eventId());
        OrderStore.NewOrder order = new OrderStore.NewOrder(orderId, orgId, hold.eventId(), holdId,
                request.customer().name().strip(), request.customer().email().strip(), quote.subtotalCents(),
                quote.discountCents(), quote.totalCents(), quote.currency(), coupon == null ? null : coupon.code());
        OrderStore.insertOrder(sql, order);
        List<Long> prices = seating.unitPrices(sql, hold);
        TicketSigningKeys signer = keys.signer(tx, orgId);
        for (int i = 0; i < hold.quantity(); i++) {
            Integer seatIndex = hold.isGeneralAdmission() ? null : hold.seatIndexes().get(i);
            UUID ticketId = UUID.randomUUID();
            long price = TicketShares.share(prices, quote.discountCents(), i);
            OrderStore.insertTicket(sql, order, new OrderStore.NewTicket(ticketId, seatIndex, hold.ticketType(), price,
                    TicketCodes.issue(signer, orgId, ticketId, hold.eventId())));
            var data = Json.object().put("ticket_id", ticketId.toString()).put("event_id", hold.eventId().toString())
                    .put("order_id", orderId.toString()).put("price_cents", price).put("currency", quote.currency());
            if (seatIndex != null) {
                data.put("seat_id", seating.seatId(hold.eventId(), seatIndex));
            } else {
                data.put("ticket_type", hold.ticketType());
            }
            tx.emit(EventTypes.TICKET_SOLD_V1, orgId, ticketId, data);
        }
        UUID paymentId = UUID.randomUUID();
        OrderStore.insertPayment(sql, paymentId, order, auth.id());
        tx.emit(EventTypes.PAYMENT_AUTHORIZED_V1, orgId, paymentId, Json.object()
                .put("payment_id", paymentId.toString()).put("order_id", orderId.toString())
                .put("amount_cents", quote.totalCents()).put("currency", quote.currency())
                .put("event_id", hold.eventId().toString()));
        if (coupon != null) {
            tx.emit(EventTypes.COUPON_APPLIED_V1, orgId, coupon.id(), Json.object()
                    .put("coupon_id", coupon.id().toString()).put("order_id", orderId.toString())
                    .put("event_id", hold.eventId().toString()).put("discount_cents", quote.discountCents())
                    .put("code", coupon.code()));
        }
        jobs.enqueue(sql, JobRequest.of(PaymentCapture.NAME, orgId, Json.object().put("payment_id", paymentId.toString()))
                .unique("capture", paymentId.toString()));
        // last: a ticket type's row is shared by every buyer of it, so its lock is held only until the commit
        seating.convert(sql, hold, orderId);
    }

    /** Redis follows a committed change; if it cannot, the drift check repairs it — the answer stays a success. */
    private static void afterCommit(String what, UUID orderId, Runnable redisUpdate) {
        try {
            redisUpdate.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inventory_update_failed step=" + what + " order=" + orderId + " error=\""
                    + e.getMessage() + "\"");
        }
    }

    private void voidQuietly(Authorization auth, UUID orderId) {
        try {
            payments.voidAuthorization(auth.id(), "order:" + orderId + ":void");
        } catch (RuntimeException e) {
            // the reconciliation finds an authorisation without an order; it expires at the provider anyway
            LOG.log(Level.WARNING, "payment_void_failed order=" + orderId + " error=\"" + e.getMessage() + "\"");
        }
    }

    /**
     * Refunds an order once: the payment is marked {@code refunding} under its row lock (a refund of a
     * refunded payment is refused there; one left {@code refunding} is finished), the provider refunds the captured amount or voids an uncaptured authorisation, then one
     * transaction voids the tickets, puts the inventory back on sale and emits {@code payment.refunded}.
     */
    public OrderView refund(Actor actor, UUID orgId, UUID orderId, String reason) {
        OrderStore.PaymentRow payment = dsl.transactionResult(cfg -> {
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
        String providerRefundId;
        try {
            providerRefundId = payment.capturedCents() > 0
                    ? payments.refund(payment.providerAuthId(), payment.capturedCents(), "payment:" + payment.id() + ":refund").id()
                    : payments.voidAuthorization(payment.providerAuthId(), "payment:" + payment.id() + ":void").id();
        } catch (PaymentException e) {
            dsl.execute("update payments set status = ? where id = ? and status = 'refunding'", payment.status(), payment.id());
            LOG.log(Level.WARNING, "refund_failed order=" + orderId + " error=\"" + e.getMessage() + "\"");
            throw ApiException.of(503, "payment_unavailable", "Payment provider unavailable",
                    "the refund did not go through at the payment provider; nothing changed, try again");
        }
        OrderStore.Returned returned = outbox.transact(actor, tx -> {
            if (!OrderStore.lockPayment(tx.sql(), payment.id()).map(p -> p.status().equals("refunding")).orElse(false)) {
                throw ApiException.conflict("already_refunded", "order " + orderId + " was refunded meanwhile");
            }
            OrderStore.setPaymentStatus(tx.sql(), payment.id(), "refunded", null, payment.capturedCents());
            OrderStore.insertRefund(tx.sql(), payment.id(), providerRefundId, payment.capturedCents(),
                    reason == null ? null : PiiScrubber.scrubText(reason));
            OrderStore.Returned back = OrderStore.refundOrder(tx.sql(), orderId);
            seating.returnSold(tx.sql(), back.eventId(), orderId, back.ticketType(), back.quantity());
            tx.emit(EventTypes.PAYMENT_REFUNDED_V1, orgId, payment.id(), Json.object()
                    .put("payment_id", payment.id().toString()).put("order_id", orderId.toString())
                    .put("amount_cents", payment.amountCents()).put("currency", payment.currency())
                    .put("event_id", back.eventId().toString()));
            return back;
        });
        afterCommit("return", orderId, () -> seating.afterReturned(returned.eventId(), returned.ticketType(),
                returned.quantity(), returned.seatIndexes()));
        return find(orgId, orderId).orElseThrow();
    }

    /** Enqueues a comparison of the organisation's payments with the provider's ledger. */
    public long reconcileLater(UUID orgId) {
        return jobs.enqueue(JobRequest.of(PaymentReconciliation.NAME, orgId, Json.object())).jobId();
    }

    public Optional<OrderView> find(UUID orgId, UUID orderId) {
        return OrderStore.find(dsl, orgId, orderId, seating::seatId);
    }

    /** The organisation that owns an order: who may follow {@code ticketing:order:{id}}. */
    public Optional<UUID> orgOf(UUID orderId) {
        return OrderStore.orgOf(dsl, orderId);
    }
}
