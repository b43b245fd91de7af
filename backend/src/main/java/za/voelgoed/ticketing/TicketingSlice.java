package za.voelgoed.ticketing;

import za.voelgoed.payments.PaymentsSlice;
import za.voelgoed.seating.SeatingSlice;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/**
 * Orders, tickets and their signing keys: checkout and refund routes, the capture and reconciliation
 * workers, and the owner of {@code order:*} topics.
 */
public final class TicketingSlice implements Slice {

    private final SeatingSlice seating;
    private final PaymentsSlice payments;
    private Orders orders;
    private TicketKeys ticketKeys;

    public TicketingSlice(SeatingSlice seating, PaymentsSlice payments) {
        this.seating = seating;
        this.payments = payments;
    }

    @Override
    public String name() {
        return "ticketing";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        var provider = payments.provider();
        Coupons coupons = new Coupons(platform.dsl());
        ticketKeys = TicketKeys.start(platform.outbox(), platform.dsl(), platform.masterKey());
        orders = new Orders(platform.outbox(), platform.dsl(), seating.seating(), coupons, provider, platform.jobs(),
                ticketKeys, platform.config().nodeId());
        wiring.route("/api/orgs/{orgId}", new OrderRoutes(orders, coupons, platform.idempotency()))
                .route("/api/orgs/{orgId}/ticket-keys", new TicketKeyRoutes(ticketKeys, platform.idempotency()))
                .worker(new PaymentCapture(platform.outbox(), provider))
                .worker(new PaymentReconciliation(platform.outbox(), platform.dsl(), provider))
                .topicOwner(TopicFamily.Scope.ORDER, orders::orgOf)
                .closing(orders);
    }

    /** The organisations' ticket keys (codes verify under them), once this slice is wired. */
    public TicketKeys ticketKeys() {
        return Wiring.built(ticketKeys, this);
    }

    /** The orders service, once this slice is wired. */
    public Orders orders() {
        return Wiring.built(orders, this);
    }
}
