package za.voelgoed.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.TestEnv;

/** jOOQ transactions over the pool, counting how often the driver is asked for the isolation level. */
class KnownIsolationConnectionsIT {

    private final AtomicInteger asked = new AtomicInteger();
    private HikariDataSource pool;
    private DSLContext dsl;

    @BeforeEach
    void onePooledConnection() {
        TestEnv.prepare();
        HikariConfig config = new HikariConfig();
        config.setDataSource(new org.postgresql.ds.PGSimpleDataSource() {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return countingIsolationQueries(DriverManager.getConnection(TestEnv.DB_URL, "postgres", ""));
            }
        });
        config.setMaximumPoolSize(1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool = new HikariDataSource(config);
        dsl = DSL.using(new KnownIsolationConnections(pool, Connection.TRANSACTION_READ_COMMITTED), SQLDialect.POSTGRES);
        dsl.transaction(tx -> tx.dsl().selectOne().fetch());
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aSecondPooledConnectionTakenInsideATransactionIsRefusedAtOnceInsteadOfWaitingOnThePool() {
        // one connection in the pool: without the check this waits for the pool's timeout, as a busy node would
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dsl.transaction(tx -> dsl.selectOne().fetch()))
                .hasStackTraceContaining("a second pooled connection taken while this thread holds one");
        assertThat(dsl.selectOne().fetch().size()).as("the pool is whole again").isEqualTo(1);
        int inTransaction = dsl.transactionResult(tx -> tx.dsl().selectOne().fetch().size());
        assertThat(inTransaction).isEqualTo(1);
    }

    @Test
    void transactionsDoNotAskTheServerForTheIsolationLevel() {
        int before = asked.get();
        for (int i = 0; i < 20; i++) {
            dsl.transaction(tx -> tx.dsl().selectOne().fetch());
        }
        assertThat(asked.get() - before).isZero();

        DSLContext askingEveryTime = DSL.using(pool, SQLDialect.POSTGRES);
        for (int i = 0; i < 20; i++) {
            askingEveryTime.transaction(tx -> tx.dsl().selectOne().fetch());
        }
        assertThat(asked.get() - before).as("jOOQ's own connection provider asks once per transaction").isEqualTo(20);
    }

    @Test
    void aLevelSetInATransactionIsReportedThereAndGoneInTheNext() {
        dsl.transaction(tx -> tx.dsl().connection(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(tx.dsl().fetchValue("show transaction_isolation")).isEqualTo("serializable");
        }));

        dsl.transaction(tx -> tx.dsl().connection(c -> {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(tx.dsl().fetchValue("show transaction_isolation")).isEqualTo("read committed");
        }));
    }

    private Connection countingIsolationQueries(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionIsolation")) {
                        asked.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
