package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.testing.TestEnv;

/**
 * V19 on a database of the earlier release: audit rows written before it get their entry's queue, event type
 * and worker, and a row whose entry was already purged keeps empty ones (the trail still lists it).
 */
class DeadLetterAuditMigrationIT {

    private static final String URL = TestEnv.DB_URL + "_v17";

    @AfterEach
    void drop() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + TestEnv.PG_HOST + ":5432/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + URL.substring(URL.lastIndexOf('/') + 1) + "\" with (force)");
        }
    }

    @Test
    void earlierAuditRowsGetTheirEntrysQueueEventTypeAndWorker() throws Exception {
        DatabaseBootstrap.recreate(URL, "postgres", "");
        flyway("17").migrate();
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    insert into dead_letters (id, job_id, organization_id, queue, source_queue, worker, event_type,
                        args, attempts, errors, effect_key, status)
                    values ('00000000-0000-0000-0000-000000000001', 7, '00000000-0000-0000-0000-0000000000aa',
                        'queue:org:00000000-0000-0000-0000-0000000000aa:dlq:ticket.sold',
                        'queue:org:00000000-0000-0000-0000-0000000000aa:notifications', 'mail.send', 'ticket.sold',
                        '{}', 3, '[]', 'job:7', 'dead')""");
            s.execute("""
                    insert into dead_letter_audit (dead_letter_id, organization_id, action, actor, reason, job_id)
                    values ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000aa', 'dead',
                            'system', 'refused', 7),
                           ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000aa', 'discarded',
                            'admin', 'purged since', 8)""");

            flyway("latest").migrate();

            assertThat(column(s, "select concat_ws('|', queue, event_type, worker) from dead_letter_audit order by id"))
                    .containsExactly(
                            "queue:org:00000000-0000-0000-0000-0000000000aa:dlq:ticket.sold|ticket.sold|mail.send", "");
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
