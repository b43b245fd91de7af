package za.voelgoed.sales;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Keeps the sales counters (ADR 0019) in the transaction that sells or refunds an order, so that a reader of
 * the counters never misses a sale whose {@code ticket.sold} it may already have seen. Each statement reads
 * only the order's own tickets (by {@code tickets_by_order}) and adds them to its lines' rows of one shard,
 * chosen by the order id: concurrent buyers of one ticket type spread over {@link #SHARDS} rows instead of
 * queueing on one. Rows are written in key order (totals, then the minute), the same in a sale and a refund,
 * so two transactions never wait on each other's rows in a cycle. Call it before the seating slice's update
 * of the ticket type, which every buyer of it shares.
 */
public final class SalesLedger {

    /** How many rows share a line's or a minute's writes. Readers sum them all, whatever the number. */
    static final int SHARDS = 8;

    private SalesLedger() {
    }

    /** In the sale's transaction, after the order's tickets are written: they count as sold now. */
    public static void sold(DSLContext tx, UUID orderId) {
        int shard = shard(orderId);
        addToTotals(tx, orderId, shard, "valid", 1);
        tx.execute("""
                insert into sales_minutes as m (organization_id, minute, event_id, shard, sold, revenue_cents)
                select organization_id, date_trunc('minute', now()), event_id, ?, count(*), sum(price_cents)
                from tickets where order_id = ? group by organization_id, event_id
                on conflict (organization_id, minute, event_id, shard) do update
                set sold = m.sold + excluded.sold, revenue_cents = m.revenue_cents + excluded.revenue_cents""",
                shard, orderId);
    }

    /**
     * In the refund's transaction, after the order's tickets were voided: they leave sold and revenue and count
     * as refunded. The minute they were sold in keeps them (the per-minute figures are gross sales).
     */
    public static void refunded(DSLContext tx, UUID orderId) {
        addToTotals(tx, orderId, shard(orderId), "void", -1);
    }

    private static void addToTotals(DSLContext tx, UUID orderId, int shard, String status, int sign) {
        tx.execute("""
                insert into sales_totals as t (organization_id, event_id, kind, line, shard, sold, refunded,
                                               revenue_cents)
                select k.organization_id, k.event_id,
                       case when k.ticket_type is null then 'category' else 'ticket_type' end,
                       coalesce(k.ticket_type, s.category, 'unknown'), ?,
                       ? * count(*), case when ? < 0 then count(*) else 0 end, ? * sum(k.price_cents)
                from tickets k left join event_seats s on s.event_id = k.event_id and s.seat_index = k.seat_index
                where k.order_id = ? and k.status = ?
                group by 1, 2, 3, 4 order by 1, 2, 3, 4
                on conflict (organization_id, event_id, kind, line, shard) do update
                set sold = t.sold + excluded.sold, refunded = t.refunded + excluded.refunded,
                    revenue_cents = t.revenue_cents + excluded.revenue_cents""",
                shard, sign, sign, sign, orderId, status);
    }

    static int shard(UUID orderId) {
        return Math.floorMod(orderId.hashCode(), SHARDS);
    }
}
