package za.voelgoed.ticketing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The SQL of orders, tickets and payments. */
final class OrderStore {

    private OrderStore() {
    }

    /** A new order's row. */
    record NewOrder(UUID id, UUID orgId, UUID eventId, UUID holdId, String customerName, String customerEmail,
                    long subtotalCents, long discountCents, long totalCents, String currency, String couponCode) {
    }

    /** A ticket's row. */
    record NewTicket(UUID id, Integer seatIndex, String ticketType, long priceCents, String code) {
    }

    static void insertOrder(DSLContext tx, NewOrder o) {
        tx.execute("""
                insert into orders (id, organization_id, event_id, hold_id, status, customer_name, customer_email,
                                    subtotal_cents, discount_cents, total_cents, currency, coupon_code)
                values (?, ?, ?, ?, 'paid', ?, ?, ?, ?, ?, ?, ?)""", o.id(), o.orgId(), o.eventId(), o.holdId(),
                o.customerName(), o.customerEmail(), o.subtotalCents(), o.discountCents(), o.totalCents(), o.currency(),
                o.couponCode());
    }

    static void insertTicket(DSLContext tx, NewOrder order, NewTicket t) {
        tx.execute("""
                insert into tickets (id, organization_id, order_id, event_id, seat_index, ticket_type, price_cents,
                                     currency, code, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid')""", t.id(), order.orgId(), order.id(), order.eventId(),
                t.seatIndex(), t.ticketType(), t.priceCents(), order.currency(), t.code());
    }

    static void insertPayment(DSLContext tx, UUID paymentId, NewOrder order, String providerAuthId) {
        tx.execute("""
                insert into payments (id, organization_id, order_id, provider_auth_id, amount_cents, currency, status)
                values (?, ?, ?, ?, ?, ?, 'authorized')""", paymentId, order.orgId(), order.id(), providerAuthId,
                order.totalCents(), order.currency());
    }

    static Optional<OrderView> find(DSLContext dsl, UUID orgId, UUID orderId, SeatNames seats) {
        return dsl.fetchOptional("""
                select id, event_id, hold_id, status, customer_name, customer_email, subtotal_cents, discount_cents,
                       total_cents, currency, coupon_code, created_at from orders where organization_id = ? and id = ?""",
                orgId, orderId).map(r -> new OrderView(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, UUID.class),
                r.get(3, String.class), r.get(4, String.class), r.get(5, String.class), r.get(6, Long.class),
                r.get(7, Long.class), r.get(8, Long.class), r.get(9, String.class), r.get(10, String.class),
                r.get(11, OffsetDateTime.class), tickets(dsl, orderId, r.get(1, UUID.class), seats),
                payment(dsl, orderId).orElse(null)));
    }

    private static List<OrderView.TicketView> tickets(DSLContext dsl, UUID orderId, UUID eventId, SeatNames seats) {
        return dsl.fetch("select id, seat_index, ticket_type, price_cents, code, status from tickets where order_id = ?"
                + " order by seat_index nulls last, id", orderId).map(r -> new OrderView.TicketView(r.get(0, UUID.class),
                r.get(1, Integer.class) == null ? null : seats.seatId(eventId, r.get(1, Integer.class)),
                r.get(2, String.class), r.get(3, Long.class), r.get(4, String.class), r.get(5, String.class)));
    }

    static Optional<OrderView.PaymentView> payment(DSLContext dsl, UUID orderId) {
        return dsl.fetchOptional("select id, status, amount_cents, captured_cents, refunded_cents from payments"
                + " where order_id = ?", orderId).map(r -> new OrderView.PaymentView(r.get(0, UUID.class),
                r.get(1, String.class), r.get(2, Long.class), r.get(3, Long.class), r.get(4, Long.class)));
    }

    /** A payment row, locked, with what a refund or capture needs (and its order's show, for its events). */
    record PaymentRow(UUID id, UUID orgId, UUID orderId, String providerAuthId, long amountCents, String currency,
                      String status, long capturedCents, UUID eventId) {
    }

    private static final String PAYMENT_COLUMNS = """
            select p.id, p.organization_id, p.order_id, p.provider_auth_id, p.amount_cents, p.currency, p.status,
                   p.captured_cents, o.event_id
            from payments p join orders o on o.id = p.order_id""";

    static Optional<PaymentRow> lockPayment(DSLContext tx, UUID paymentId) {
        return tx.fetchOptional(PAYMENT_COLUMNS + " where p.id = ? for update of p", paymentId)
                .map(OrderStore::paymentRow);
    }

    static Optional<PaymentRow> lockPaymentOfOrder(DSLContext tx, UUID orgId, UUID orderId) {
        return tx.fetchOptional(PAYMENT_COLUMNS + " where p.organization_id = ? and p.order_id = ? for update of p",
                orgId, orderId).map(OrderStore::paymentRow);
    }

    private static PaymentRow paymentRow(Record r) {
        return new PaymentRow(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, UUID.class), r.get(3, String.class),
                r.get(4, Long.class), r.get(5, String.class), r.get(6, String.class), r.get(7, Long.class),
                r.get(8, UUID.class));
    }

    /** The organisation an order belongs to: who may follow {@code ticketing:order:{id}}. */
    static Optional<UUID> orgOf(DSLContext dsl, UUID orderId) {
        return dsl.fetchOptional("select organization_id from orders where id = ?", orderId)
                .map(r -> r.get(0, UUID.class));
    }

    static void setPaymentStatus(DSLContext tx, UUID paymentId, String status, Long capturedCents, Long refundedCents) {
        tx.execute("""
                update payments set status = ?, captured_cents = coalesce(?, captured_cents),
                       refunded_cents = coalesce(?, refunded_cents), updated_at = now() where id = ?""",
                status, capturedCents, refundedCents, paymentId);
    }

    static void insertRefund(DSLContext tx, UUID paymentId, String providerRefundId, long amountCents, String reason) {
        tx.execute("insert into refunds (id, payment_id, provider_refund_id, amount_cents, reason) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), paymentId, providerRefundId, amountCents, reason);
    }

    /** Voids the order's tickets and marks it refunded; returns the tickets voided. */
    static Refunded refundOrder(DSLContext tx, UUID orderId) {
        tx.execute("update orders set status = 'refunded' where id = ?", orderId);
        List<VoidedTicket> tickets = tx.fetch("update tickets set status = 'void' where order_id = ? and status = 'valid'"
                + " returning id, seat_index, ticket_type", orderId).map(r -> new VoidedTicket(r.get(0, UUID.class),
                r.get(1, Integer.class), r.get(2, String.class)));
        UUID eventId = tx.fetchOne("select event_id from orders where id = ?", orderId).get(0, UUID.class);
        return new Refunded(eventId, tickets);
    }

    /** A ticket a refund voided: a seat, or one of a ticket type. */
    record VoidedTicket(UUID id, Integer seatIndex, String ticketType) {
    }

    /** The show of a refunded order and the tickets its refund voided. */
    record Refunded(UUID eventId, List<VoidedTicket> tickets) {

        List<Integer> seatIndexes() {
            return tickets.stream().map(VoidedTicket::seatIndex).filter(java.util.Objects::nonNull).toList();
        }

        /** The ticket type of a general-admission order; null for seats. */
        String ticketType() {
            return tickets.stream().map(VoidedTicket::ticketType).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        }

        int quantity() {
            return ticketType() == null ? seatIndexes().size() : tickets.size();
        }
    }

    /** Seat ids for seat indexes (from the seating slice). */
    interface SeatNames {
        String seatId(UUID eventId, int seatIndex);
    }
}
