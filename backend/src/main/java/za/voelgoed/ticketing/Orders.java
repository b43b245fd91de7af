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
import za.voelgoed.platform.http.Idempotent;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.seating.Hold;
import za.voelgoed.seating.Seating;
import za.voelgoed.shared.json.Json;

/**
 * Checkout and refunds (seed 8.1). Checkout: the hold is checked and the price computed, the attempt is
 * recorded ({@link CheckoutAttempts}), the card authorised at the provider (outside any transaction — it is a
 * network call), then one transaction ({@link OrderWriter}) turns the hold into the order. If that transaction
 * fails, the attempt is given up and the authorisation voided; the hold stays until it expires. A declined
 * card leaves nothing. Refunds are {@link Refunds}.
 */
public final class Orders implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Orders.class.getName());

    private final DSLContext dsl;
    private final Seating seating;
    private final Coupons coupons;
    private final PaymentProvider payments;
    private final Jobs jobs;
    private final TicketKeys keys;
    private final Outbox outbox;
    private final CheckoutAttempts attempts;
    private final OrderWriter writer;
    private final Refunds refunds;

    public Orders(Outbox outbox, DSLContext dsl, Seating seating, Coupons coupons, PaymentProvider payments, Jobs jobs,
                  TicketKeys keys, String nodeId) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.seating = seating;
        this.coupons = coupons;
        this.payments = payments;
        this.jobs = jobs;
        this.keys = keys;
        this.attempts = new CheckoutAttempts(dsl, nodeId);
        this.writer = new OrderWriter(seating, coupons, jobs, keys);
        this.refunds = new Refunds(outbox, dsl, seating, payments);
    }

    /** Checks out a hold; {@code outcome} records the order in its transaction (see {@link Idempotent}). */
    public OrderView checkout(Actor actor, UUID orgId, CheckoutRequest request, Idempotent.Outcome outcome) {
        UUID holdId = CheckoutRules.validate(request);
        Hold hold = seating.checkForCheckout(orgId, holdId);
        keys.ensureActive(actor, orgId);
        OrderWriter.Sale sale = new OrderWriter.Sale(orgId, UUID.randomUUID(), holdId, request,
                quote(hold, request.couponCode(), orgId));
        attempts.begin(orgId, sale.orderId(), hold.eventId(), holdId, sale.quote());
        try {
            Authorization auth = authorizeOrGiveUp(sale);
            commit(actor, sale, auth, outcome);
        } finally {
            attempts.finished(sale.orderId());
        }
        afterCommit("convert", sale.orderId(), () -> seating.afterConverted(hold));
        return find(orgId, sale.orderId()).orElseThrow();
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

    /** Authorises, or gives the attempt up: after a provider that did not answer, an authorisation may exist. */
    private Authorization authorizeOrGiveUp(OrderWriter.Sale sale) {
        try {
            return authorize(sale.orgId(), sale.orderId(), sale.quote(), sale.request().payment());
        } catch (RuntimeException failed) {
            giveUp(sale.orderId(), failed);
            throw failed;
        }
    }

    /**
     * Gives the attempt up after {@code failed}; true unless its order committed. If even that fails, the
     * attempt's lease lapses and the reconciliation decides; the caller still reports the first failure.
     */
    private boolean giveUp(UUID orderId, RuntimeException failed) {
        try {
            return attempts.giveUp(orderId);
        } catch (RuntimeException unknown) {
            failed.addSuppressed(unknown);
            throw failed;
        }
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

    /**
     * The order's transaction. When it throws, the attempt's own row decides: not committed (rolled back, or
     * claimed by the reconciliation) voids the authorisation; committed means the failure came after the
     * commit (or the commit's answer was lost) and must not undo a paid order.
     */
    private void commit(Actor actor, OrderWriter.Sale sale, Authorization auth, Idempotent.Outcome outcome) {
        try {
            outbox.transact(actor, tx -> {
                writer.write(tx, sale, auth, outcome);
                return null;
            });
        } catch (RuntimeException failed) {
            if (giveUp(sale.orderId(), failed)) {
                voidQuietly(auth, sale.orderId());
                throw failed;
            }
            LOG.log(Level.WARNING, "order_after_commit_failed order=" + sale.orderId() + " error=\"" + failed.getMessage() + "\"");
        }
    }

    /** Redis follows a committed change; if it cannot, the drift check repairs it — the answer stays a success. */
    static void afterCommit(String what, UUID orderId, Runnable redisUpdate) {
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
            // the attempt is abandoned: the reconciliation voids it; it expires at the provider anyway
            LOG.log(Level.WARNING, "payment_void_failed order=" + orderId + " error=\"" + e.getMessage() + "\"");
        }
    }

    /** Refunds the order once (see {@link Refunds}). */
    public OrderView refund(Actor actor, UUID orgId, UUID orderId, String reason) {
        refunds.refund(actor, orgId, orderId, reason);
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

    /** Stops renewing the leases of this node's checkouts. */
    @Override
    public void close() {
        attempts.close();
    }
}
