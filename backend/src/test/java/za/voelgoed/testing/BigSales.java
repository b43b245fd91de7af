package za.voelgoed.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An organisation with a large history, written straight into PostgreSQL: a show of 50,000 seats nearly sold
 * out, {@code orders} orders of two tickets each, 300 shows, a week of per-minute counter rows; analysed, so
 * the planner chooses as it would in production. {@link #plan} shows how PostgreSQL would run a statement.
 */
public record BigSales(UUID org, UUID event) {

    public static BigSales seed(int orders) {
        TestEnv.prepare();
        UUID org = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String o = "'" + org + "'";
        String e = "'" + event + "'";
        TestEnv.exec("insert into organizations (id, name, slug) values (" + o + ", 'Big', 'big-" + org + "')");
        TestEnv.exec("insert into events (id, organization_id, name, starts_at, status)"
                + " select case when g = 0 then " + e + "::uuid else gen_random_uuid() end, " + o + ", 'Show ' || g,"
                + " now() + g * interval '1 hour', 'published' from generate_series(0, 299) g");
        TestEnv.exec("insert into event_seats (event_id, seat_index, seat_id, category, blocked)"
                + " select " + e + ", g, 'Hall:A:' || g, case when g % 2 = 0 then 'std' else 'vip' end, g % 1000 = 0"
                + " from generate_series(0, 49999) g");
        TestEnv.exec("insert into seat_claims (event_id, seat_index, state) select " + e + ", g,"
                + " case when g < 49900 then 'sold' else 'held' end from generate_series(1, 49999) g"
                + " where g % 1000 <> 0");
        TestEnv.exec("insert into orders (id, organization_id, event_id, hold_id, status, customer_name,"
                + " customer_email, subtotal_cents, discount_cents, total_cents, currency, created_at)"
                + " select gen_random_uuid(), " + o + ", " + e + ", gen_random_uuid(), 'paid', 'n', 'e', 200, 0, 200,"
                + " 'ZAR', now() - g * interval '1 second' from generate_series(1, " + orders + ") g");
        TestEnv.exec("insert into tickets (id, organization_id, order_id, event_id, ticket_type, price_cents, currency,"
                + " code, status) select gen_random_uuid(), organization_id, id, event_id, 'ga', 100, 'ZAR',"
                + " 'big-' || id || '-' || k, 'valid' from orders, generate_series(1, 2) k"
                + " where organization_id = " + o);
        TestEnv.exec("insert into sales_minutes (organization_id, minute, event_id, shard, sold, revenue_cents)"
                + " select " + o + ", date_trunc('minute', now()) - g * interval '1 minute', e.id, s, 1, 100"
                + " from generate_series(0, 10079) g, (select id from events where organization_id = " + o
                + " order by starts_at limit 3) e, generate_series(0, 7) s");
        TestEnv.exec("insert into sales_totals (organization_id, event_id, kind, line, shard, sold, refunded,"
                + " revenue_cents) select " + o + ", id, 'ticket_type', 'ga', s, 10, 0, 1000 from events,"
                + " generate_series(0, 7) s where organization_id = " + o);
        TestEnv.exec("analyze");
        return new BigSales(org, event);
    }

    /** PostgreSQL's plan for {@code sql} with these arguments ({@code UUID[]} bound as a uuid array). */
    public static String plan(String sql, Object... args) {
        try (Connection c = TestEnv.connect(); PreparedStatement ps = c.prepareStatement("explain " + sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : args[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The tables that grow with tickets sold or with time: none may be read whole. */
    public static final java.util.List<String> LARGE = java.util.List.of("tickets", "orders", "seat_claims",
            "event_seats", "sales_minutes");
}
