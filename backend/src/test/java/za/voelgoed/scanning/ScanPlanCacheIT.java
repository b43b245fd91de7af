package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.db.LocalSettings;
import za.voelgoed.testing.TableScans;
import za.voelgoed.testing.TestEnv;

/**
 * The scan group's read of the scanned tickets stays an index lookup on a connection that cached its plan while
 * the tickets table was nearly empty (ADR 0030): the first test scans of a new platform, then a day of sales,
 * then the gate opens on the same pooled connection.
 */
class ScanPlanCacheIT {

    private static final int PLAN_CACHE_RUNS = 20;
    private static final int GROWN_TO = 60_000;
    private static final String KEY = "k1";

    static UUID org;
    static UUID event;

    @BeforeAll
    static void showWithFewTickets() {
        TestEnv.truncateAll();
        org = UUID.randomUUID();
        event = UUID.randomUUID();
        TestEnv.exec("insert into organizations (id, name, slug) values ('" + org + "', 'Plans', 'plans-" + org + "')");
        TestEnv.exec("insert into events (id, organization_id, name, starts_at, status) values ('" + event + "', '"
                + org + "', 'Show', now() + interval '1 day', 'published')");
        TestEnv.exec("insert into org_ticket_keys (id, organization_id, key_id, private_key, public_key, status)"
                + " values (gen_random_uuid(), '" + org + "', '" + KEY + "', 'private', 'public', 'active')");
        // no autoanalyze may replan behind the test's back (CI's server runs without autovacuum anyway)
        TestEnv.exec("alter table tickets set (autovacuum_enabled = false)");
        TestEnv.exec("alter table orders set (autovacuum_enabled = false)");
        sell(3);
        // statistics of a new platform's nearly empty tables, whatever earlier tests left in the statistics:
        // the plan is cached for the tables as PostgreSQL believes them to be
        TestEnv.exec("analyze tickets, orders, payments, org_ticket_keys, ticket_blocks, dead_letters");
    }

    @AfterAll
    static void autovacuumBack() {
        TestEnv.exec("alter table tickets reset (autovacuum_enabled)");
        TestEnv.exec("alter table orders reset (autovacuum_enabled)");
    }

    @Test
    void aGroupReadsTheGrownTicketsByKeyWhereTheCachedPlanWouldScanThem() throws Exception {
        try (Connection c = TestEnv.connect()) {
            c.setAutoCommit(false);
            DSLContext sql = DSL.using(c, SQLDialect.POSTGRES);
            List<ScanStore.TicketAsked> few = asked(sql, 3);
            for (int i = 0; i < PLAN_CACHE_RUNS; i++) {
                assertThat(ScanStore.tickets(sql, few)).hasSize(3);
                c.rollback();
            }
            sell(GROWN_TO);
            List<ScanStore.TicketAsked> some = asked(sql, 40);

            TableScans cached = TableScans.during(sql, "tickets",
                    () -> assertThat(ScanStore.tickets(sql, some)).hasSize(40));
            c.rollback();
            assertThat(cached.sequential()).as("the trap this guards against: the plan cached on a nearly empty"
                    + " table still scans all " + GROWN_TO + " tickets (if PostgreSQL replans by itself, drop this test)")
                    .isPositive();

            LocalSettings.apply(sql, Scans.GROUP_SETTINGS);
            TableScans group = TableScans.during(sql, "tickets",
                    () -> assertThat(ScanStore.tickets(sql, some)).hasSize(40));
            c.rollback();
            assertThat(group.sequential()).as("sequential scans of tickets in the scan group's transaction").isZero();
            assertThat(group.index()).as("index scans of tickets in the scan group's transaction").isPositive();
        }
    }

    private static List<ScanStore.TicketAsked> asked(DSLContext sql, int count) {
        return sql.fetch("select id, code from tickets where organization_id = ? order by code limit " + count, org)
                .map(r -> new ScanStore.TicketAsked(r.get(0, UUID.class), org, r.get(1, String.class), KEY));
    }

    /** {@code count} paid orders of one ticket each, written straight into PostgreSQL. */
    private static void sell(int count) {
        String o = "'" + org + "'";
        String e = "'" + event + "'";
        TestEnv.exec("with made as (insert into orders (id, organization_id, event_id, hold_id, status, customer_name,"
                + " customer_email, subtotal_cents, discount_cents, total_cents, currency)"
                + " select gen_random_uuid(), " + o + ", " + e + ", gen_random_uuid(), 'paid', 'n', 'e', 100, 0, 100,"
                + " 'ZAR' from generate_series(1, " + count + ") returning id)"
                + " insert into tickets (id, organization_id, order_id, event_id, ticket_type, price_cents, currency,"
                + " code, status) select gen_random_uuid(), " + o + ", id, " + e + ", 'ga', 100, 'ZAR',"
                + " 'plan-' || id, 'valid' from made");
    }
}
