package za.voelgoed.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/**
 * A database the release before the sales counters left, with sales, a refund and an older sale: migrated,
 * and a node started on it, the sales routes answer with those sales.
 */
class SalesUpgradeIT {

    static final String DB_URL = TestEnv.DB_URL + "_salesupgrade";
    static final UUID ORG = UUID.randomUUID();
    static final UUID SHOW = UUID.randomUUID();
    static final UUID SEATS = UUID.randomUUID();
    static final UUID REFUNDED = UUID.randomUUID();
    static final UUID EARLIER = UUID.randomUUID();
    static BackendNode node;
    static Api admin;

    @BeforeAll
    static void upgrade() throws Exception {
        TestEnv.prepare();
        DatabaseBootstrap.recreate(DB_URL, "postgres", "");
        Flyway.configure().dataSource(DB_URL, "postgres", "").locations("classpath:db/migration").target("17")
                .load().migrate();
        asTheOldReleaseLeftIt();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_DB_URL", DB_URL, "VOELGOED_NODE_ID", "sales-upgrade",
                "VOELGOED_JOBS_ENABLED", "false")));
        admin = new Api(node.port(), node.adminToken());
    }

    @AfterAll
    static void stop() throws SQLException {
        if (node != null) {
            node.close();
        }
        try (Connection c = DriverManager.getConnection(TestEnv.DB_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + TestEnv.DB_NAME + "_salesupgrade\" with (force)");
        }
    }

    /** Two seats sold now, two GA tickets sold now and refunded, one GA ticket sold three hours ago. */
    static void asTheOldReleaseLeftIt() throws SQLException {
        exec("insert into organizations (id, name, slug) values (?, 'Old', 'old-sales')", ORG);
        exec("insert into events (id, organization_id, name, starts_at, status) values (?, ?, 'Old show',"
                + " now() + interval '1 day', 'published')", SHOW, ORG);
        exec("insert into event_seats (event_id, seat_index, seat_id, category) values (?, 0, 'Hall:A:1', 'std'),"
                + " (?, 1, 'Hall:A:2', 'std')", SHOW, SHOW);
        order(SEATS, "paid", "now()", 50_000);
        order(REFUNDED, "refunded", "now()", 20_000);
        order(EARLIER, "paid", "now() - interval '3 hours'", 10_000);
        ticket(SEATS, 0, null, 25_000, "valid");
        ticket(SEATS, 1, null, 25_000, "valid");
        ticket(REFUNDED, null, "ga", 10_000, "void");
        ticket(REFUNDED, null, "ga", 10_000, "void");
        ticket(EARLIER, null, "ga", 10_000, "valid");
    }

    static void order(UUID id, String status, String at, long total) throws SQLException {
        exec("insert into orders (id, organization_id, event_id, hold_id, status, customer_name, customer_email,"
                + " subtotal_cents, discount_cents, total_cents, currency, created_at) values (?, ?, ?, ?, '" + status
                + "', 'Old buyer', 'old@example.com', ?, 0, ?, 'ZAR', " + at + ")", id, ORG, SHOW, UUID.randomUUID(),
                total, total);
    }

    static void ticket(UUID order, Integer seat, String type, long price, String status) throws SQLException {
        exec("insert into tickets (id, organization_id, order_id, event_id, seat_index, ticket_type, price_cents,"
                + " currency, code, status) values (?, ?, ?, ?, ?, ?, ?, 'ZAR', ?, '" + status + "')",
                UUID.randomUUID(), ORG, order, SHOW, seat, type, price, "old-" + UUID.randomUUID());
    }

    static void exec(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }

    @Test
    void theSalesMadeBeforeTheUpgradeAreCounted() {
        JsonNode show = admin.get("/api/orgs/" + ORG + "/events/" + SHOW + "/sales").expect(200);
        assertThat(show.path("totals").path("sold").asLong()).isEqualTo(3);
        assertThat(show.path("totals").path("refunded").asLong()).isEqualTo(2);
        assertThat(show.path("totals").path("revenue_cents").asLong()).isEqualTo(60_000);
        assertThat(SalesIT.line(show.path("categories"), "category", "std").path("sold").asLong()).isEqualTo(2);
        assertThat(SalesIT.perMinuteSold(show)).as("the last hour's sales, gross").isEqualTo(4);
        assertThat(show.path("latest")).hasSize(3);
        assertThat(show.toString()).doesNotContain("old@example.com").doesNotContain("Old buyer");

        JsonNode org = admin.get("/api/orgs/" + ORG + "/sales").expect(200);
        assertThat(org.path("totals").path("sold").asLong()).isEqualTo(3);
        assertThat(SalesIT.line(org.path("shows"), "event_id", SHOW.toString()).path("revenue_cents").asLong())
                .isEqualTo(60_000);
    }
}
