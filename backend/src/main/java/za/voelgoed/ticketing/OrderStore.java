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

    /** A payment row, locked, with what a refund or capture needs. */
    record PaymentRow(UUID id, UUID orgId, UUID orderId, String providerAuthId, long amountCents, String currency,
                      String status, long capturedCents) {
    }

    static Optional<PaymentRow> lockPayment(DSLContext tx, UUID paymentId) {
        return tx.fetchOptional("""
                select id, organization_id, order_id, provider_auth_id, amount_cents, currency, status, captured_cents
                from payments where id = ? for update""", paymentId).map(OrderStore::paymentRow);
    }

    static Optional<PaymentRow> lockPaymentOfOrder(DSLContext tx, UUID orgId, UUID orderId) {
        return tx.fetchOptional("""
                select id, organization_id, order_id, provider_auth_id, amount_cents, currency, status, captured_cents
                from payments where organization_id = ? and order_id = ? for update""", orgId, orderId)
                .map(OrderStore::paymentRow);
    }

    private static PaymentRow paymentRow(Record r) {
        return new PaymentRow(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, UUID.class), r.get(3, String.class),
                r.get(4, Long.class), r.get(5, String.class), r.get(6, String.class), r.get(7, Long.class));
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

    /** Voids the order's tickets and marks it refunded; returns what goes back on sale. */
    static Returned refundOrder(DSLContext tx, UUID orderId) {
        tx.execute("update orders set status = 'refunded' where id = ?", orderId);
        List<Record> tickets = tx.fetch("update tickets set status = 'void' where order_id = ? and status = 'valid'"
                + " returning seat_index, ticket_type", orderId);
        UUID eventId = tx.fetchOne("select event_id from orders where id = ?", orderId).get(0, UUID.class);
        List<Integer> seats = tickets.stream().map(r -> r.get(0, Integer.class)).filter(java.util.Objects::nonNull).toList();
        String ticketType = tickets.stream().map(r -> r.get(1, String.class)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return new Returned(eventId, seats, ticketType, ticketType == null ? seats.size() : tickets.size());
    }

    /** Inventory a refund gives back. */
    record Returned(UUID eventId, List<Integer> seatIndexes, String ticketType, int quantity) {
    }

    /** Seat ids for seat indexes (from the seating slice). */
    interface SeatNames {
        String seatId(UUID eventId, int seatIndex);
    }
}
