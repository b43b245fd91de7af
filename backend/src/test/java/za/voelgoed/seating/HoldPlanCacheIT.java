package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * The hold journal's lookups stay index lookups on a connection that cached its plans while the holds table was
 * nearly empty. A pooled connection keeps its prepared statements; PostgreSQL keeps a generic plan made for a
 * table of one page until an ANALYZE, and with autovacuum off or behind, a flash sale then scans every hold
 * ever made for each batch (the console bench's load fell from 2,000 to under 700 events/s this way).
 */
class HoldPlanCacheIT {

    private static final int PLAN_CACHE_RUNS = 20;
    private static final int GROWN_TO = 60_000;

    static UUID org;
    static UUID event;

    @BeforeAll
    static void showWithFewHolds() {
        TestEnv.truncateAll();
        org = UUID.randomUUID();
        event = UUID.randomUUID();
        TestEnv.exec("insert into organizations (id, name, slug) values ('" + org + "', 'Plans', 'plans-" + org + "')");
        TestEnv.exec("insert into events (id, organization_id, name, starts_at, status) values ('" + event + "', '"
                + org + "', 'Show', now() + interval '1 day', 'published')");
        // no autoanalyze may replan behind the test's back (CI's server runs without autovacuum anyway)
        TestEnv.exec("alter table holds set (autovacuum_enabled = false)");
        insertHolds(3);
        // statistics of a new platform's nearly empty tables, whatever earlier tests left in the statistics:
        // the plan is cached for the tables as PostgreSQL believes them to be
        TestEnv.exec("analyze holds, events");
    }

    @AfterAll
    static void autovacuumBack() {
        TestEnv.exec("alter table holds reset (autovacuum_enabled)");
    }

    @Test
    void aBatchReadsTheGrownTableByKeyWhereTheCachedPlanWouldScanIt() throws Exception {
        try (Connection c = TestEnv.connect()) {
            c.setAutoCommit(false);
            DSLContext sql = DSL.using(c, SQLDialect.POSTGRES);
            List<UUID> few = holdIds(sql, 3);
            for (int i = 0; i < PLAN_CACHE_RUNS; i++) {
                lookUp(sql, few);
                c.rollback();
            }
            insertHolds(GROWN_TO);
            List<UUID> some = holdIds(sql, 40);

            TableScans cached = TableScans.during(sql, "holds", () -> lookUp(sql, some));
            c.rollback();
            assertThat(cached.sequential()).as("the trap this guards against: the plan cached on a nearly empty"
                    + " table still scans all " + GROWN_TO + " holds (if PostgreSQL replans by itself, drop this test)")
                    .isPositive();

            LocalSettings.apply(sql, HoldBatch.SETTINGS);
            TableScans batch = TableScans.during(sql, "holds", () -> lookUp(sql, some));
            c.rollback();
            assertThat(batch.sequential()).as("sequential scans of holds in the batch's transaction").isZero();
            assertThat(batch.index()).as("index scans of holds in the batch's transaction").isPositive();
        }
    }

    /** What a batch that ends holds reads and writes of the holds table (rolled back by the caller). */
    private static void lookUp(DSLContext sql, List<UUID> ids) {
        Map<UUID, Hold> locked = HoldBatchStore.lockFreeHolds(sql, ids);
        assertThat(locked).hasSize(ids.size());
        assertThat(HoldBatchStore.existing(sql, ids)).hasSize(ids.size());
        HoldBatchStore.endHolds(sql, List.copyOf(locked.values()),
                ids.stream().collect(Collectors.toMap(id -> id, id -> "released")));
    }

    private static List<UUID> holdIds(DSLContext sql, int count) {
        return sql.fetch("select id from holds where status = 'active' order by created_at limit " + count)
                .map(r -> r.get(0, UUID.class));
    }

    private static void insertHolds(int count) {
        TestEnv.exec("insert into holds (id, organization_id, event_id, ticket_type, quantity, seat_indexes, status,"
                + " expires_at, max_expires_at) select gen_random_uuid(), '" + org + "', '" + event + "', 'ga', 1,"
                + " '{}', 'active', now() + interval '10 minutes', now() + interval '30 minutes'"
                + " from generate_series(1, " + count + ")");
    }
}
