package za.voelgoed.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.TestEnv;

/** The hot statements' JDBC path, on a one-connection pool as the backend's transactions use it. */
class JdbcIT {

    private HikariDataSource pool;
    private DSLContext dsl;

    @BeforeEach
    void oneConnection() {
        TestEnv.prepare();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestEnv.DB_URL);
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool = new HikariDataSource(config);
        dsl = DSL.using(new KnownIsolationConnections(pool, Connection.TRANSACTION_READ_COMMITTED),
                SQLDialect.POSTGRES);
        Jdbc.execute(dsl, "create table if not exists jdbc_it (id integer primary key, note varchar)");
        Jdbc.execute(dsl, "truncate jdbc_it");
    }

    @AfterEach
    void close() {
        Jdbc.execute(dsl, "drop table if exists jdbc_it");
        pool.close();
    }

    @Test
    void runsOnTheTransactionsConnectionSoARollbackUndoesIt() {
        // one connection in the pool: a statement on any other connection would be refused inside the transaction
        assertThatThrownBy(() -> dsl.transaction(tx -> {
            assertThat(Jdbc.execute(tx.dsl(), "insert into jdbc_it (id, note) values (?, ?)", 1, "kept?")).isEqualTo(1);
            assertThat(Jdbc.query(tx.dsl(), "select note from jdbc_it where id = ?", r -> r.getString(1), 1))
                    .containsExactly("kept?");
            throw new IllegalStateException("the action fails after its statement");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the action fails after its statement");

        assertThat(Jdbc.query(dsl, "select count(*) from jdbc_it", r -> r.getLong(1))).containsExactly(0L);
    }

    @Test
    void bindsEachArrayKindAndReadsRowsInOrder() {
        UUID a = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 3, 12, 0, 0, 123_000_000, ZoneOffset.ofHours(2));
        List<String> row = Jdbc.query(dsl, """
                        select array_to_string(?::uuid[], '|'), array_to_string(?::varchar[], '|', 'NULL'),
                               array_to_string(?::int4[], '|'), array_to_string(?::int8[], '|'),
                               (?::timestamptz[])[1] = ?::timestamptz""",
                r -> r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                        + r.getBoolean(5),
                new UUID[] {a}, new String[] {"{1,2}", "say \"hi\"", null}, new Integer[] {3, 1},
                new Long[] {5_000_000_000L}, new OffsetDateTime[] {at}, at);

        assertThat(row).containsExactly(a + " {1,2}|say \"hi\"|NULL 3|1 5000000000 true");
        assertThat(Jdbc.query(dsl, "select g from generate_series(3, 1, -1) g", r -> r.getInt(1)))
                .containsExactly(3, 2, 1);
    }

    @Test
    void aFailureIsJooqsExceptionWithTheSqlStateAndTheStatementsFirstLine() {
        Jdbc.execute(dsl, "insert into jdbc_it (id) values (?)", 7);

        assertThatThrownBy(() -> Jdbc.execute(dsl, "insert into jdbc_it (id)\nvalues (?)", 7))
                .isInstanceOfSatisfying(DataAccessException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e.getMessage()).startsWith("SQL [insert into jdbc_it (id) …]");
                });
        assertThatThrownBy(() -> Jdbc.execute(dsl, "select ?", (Object) new Object[] {Arrays.asList(1)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SQL array type");
        assertThat(Jdbc.query(dsl, "select count(*) from jdbc_it", r -> r.getLong(1))).as("the pool is whole again")
                .containsExactly(1L);
    }
}
