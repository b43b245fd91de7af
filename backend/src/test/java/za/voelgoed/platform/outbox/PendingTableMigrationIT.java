package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.testing.TestEnv;

/** V10 on a database of the earlier release: what was pending stays pending, nothing dispatched comes back. */
class PendingTableMigrationIT {

    private static final String URL = TestEnv.DB_URL + "_v9";

    @AfterEach
    void drop() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + TestEnv.PG_HOST + ":5432/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + URL.substring(URL.lastIndexOf('/') + 1) + "\" with (force)");
        }
    }

    @Test
    void pendingRowsOfTheEarlierSchemaMoveToThePendingTable() throws Exception {
        DatabaseBootstrap.recreate(URL, "postgres", "");
        flyway("9").migrate();
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    insert into domain_events (event_id, event_type, organization_id, resource_type, resource_id,
                        resource_seq, persisted_change, "timestamp", metadata, dispatch_status)
                    select gen_random_uuid(), 'widget.changed.v1', gen_random_uuid(), 'widget',
                        ('00000000-0000-0000-0000-00000000000' || n)::uuid, 1, '{}', now(), '{}',
                        case when n % 2 = 0 then 'pending' else 'dispatched' end
                    from generate_series(1, 6) n""");

            flyway("latest").migrate();

            assertThat(column(s, "select resource_id::text from outbox_pending order by position")).containsExactly(
                    "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000004",
                    "00000000-0000-0000-0000-000000000006");
            assertThat(column(s, "select count(*)::text from domain_events")).containsExactly("6");
        }
    }

    @Test
    void aWriterOfTheEarlierReleaseIsRefusedInsteadOfWritingAnEventNothingDispatches() throws Exception {
        DatabaseBootstrap.recreate(URL, "postgres", "");
        flyway("latest").migrate();
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            // the earlier release's insert: no pending row, no writer_epoch
            String earlierInsert = """
                    insert into domain_events (event_id, event_type, organization_id, resource_type, resource_id,
                        resource_seq, persisted_change, "timestamp", metadata)
                    values (gen_random_uuid(), 'widget.changed.v1', gen_random_uuid(), 'widget', gen_random_uuid(),
                        1, '{}', now(), '{}')""";

            assertThatThrownBy(() -> s.execute(earlierInsert)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("writer_epoch");
            assertThat(column(s, "select count(*)::text from domain_events")).containsExactly("0");
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "postgres", "").locations("classpath:db/migration").target(target)
                .load();
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
