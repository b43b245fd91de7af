package za.voelgoed.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import za.voelgoed.platform.config.AppConfig;

/**
 * The PostgreSQL side of a node: a Hikari pool, the Flyway-migrated schema and a jOOQ context over it.
 * {@link #open} creates the database when it does not exist yet, so a fresh machine needs no manual step.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final AppConfig config;

    private Database(HikariDataSource pool, AppConfig config) {
        this.pool = pool;
        this.config = config;
        this.dsl = DSL.using(new KnownIsolationConnections(pool, Connection.TRANSACTION_READ_COMMITTED),
                SQLDialect.POSTGRES, new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false));
    }

    public static Database open(AppConfig config) {
        DatabaseBootstrap.createIfMissing(config.dbUrl(), config.dbUser(), config.dbPassword());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.dbUrl());
        hikari.setUsername(config.dbUser());
        hikari.setPassword(config.dbPassword());
        hikari.setMaximumPoolSize(config.dbPoolSize());
        hikari.setPoolName("voelgoed-" + config.nodeId());
        // under a flash sale a request would rather wait for a connection than fail; 15 s still ends it
        hikari.setConnectionTimeout(15_000);
        hikari.setValidationTimeout(2_000);
        // every connection leaves the pool at this level; KnownIsolationConnections relies on it
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // a session left idle inside a transaction (a stuck request, a lost thread) holds its locks and its
        // snapshot for good; the server ends it. Statements get a ceiling too; the hold journal sets its own
        // shorter one per transaction, and migrations run without it (below).
        hikari.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout="
                + config.dbTimeouts().idleInTransactionMs() + " -c statement_timeout=" + config.dbTimeouts().statementMs());
        Database database = new Database(new HikariDataSource(hikari), config);
        database.migrate();
        return database;
    }

    private void migrate() {
        // connections of its own, without the pool's statement ceiling: a migration may build an index on a
        // large table, and a setting lifted on a pooled connection would stay lifted
        Flyway.configure().dataSource(config.dbUrl(), config.dbUser(), config.dbPassword())
                .locations("classpath:db/migration").load().migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * A connection outside the pool, for LISTEN: it lives as long as the listener and must not be
     * handed back to a pool with a subscription still on it.
     */
    public Connection dedicatedConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.dbUser());
        props.setProperty("password", config.dbPassword());
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(config.dbUrl(), props);
    }

    /** True when a trivial query answers within the timeout. */
    public boolean isReachable(int timeoutSeconds) {
        // a connection of its own, with its own short timeout: a busy pool would otherwise make the readiness
        // probe wait for the pool's connection timeout
        if (pool.isClosed()) {
            return false;
        }
        Properties props = new Properties();
        props.setProperty("user", config.dbUser());
        props.setProperty("password", config.dbPassword());
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("socketTimeout", Integer.toString(timeoutSeconds + 1));
        try (Connection c = DriverManager.getConnection(config.dbUrl(), props)) {
            return c.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
