package za.voelgoed.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.tools.jdbc.DefaultConnection;

/**
 * jOOQ's connections from the pool, answering {@link Connection#getTransactionIsolation} without asking the
 * server. jOOQ reads the isolation level at the start of every transaction, and the PostgreSQL driver sends
 * {@code SHOW TRANSACTION ISOLATION LEVEL} for it: a round trip per transaction that took a tenth of a writer's
 * CPU at 2,000 commits a second. The pool hands out every connection at {@code isolation} (Hikari resets a
 * connection whose level was changed), so the answer is known until a caller sets another level.
 * <p>
 * It also notices a thread taking a second pooled connection while it holds one (a statement on the node's
 * context inside a transaction, where the transaction's context was meant). Under load every connection can
 * be held by such a thread waiting for its second one, and the whole node stops until the pool's timeout.
 * With {@code -Dvoelgoed.db.nested=fail} (the tests) that is an error; otherwise a warning.
 */
final class KnownIsolationConnections implements ConnectionProvider {

    private static final System.Logger LOG = System.getLogger(KnownIsolationConnections.class.getName());
    private static final boolean FAIL_ON_NESTING = "fail".equals(System.getProperty("voelgoed.db.nested"));
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    private final DataSource pool;
    private final int isolation;

    KnownIsolationConnections(DataSource pool, int isolation) {
        this.pool = pool;
        this.isolation = isolation;
    }

    @Override
    public Connection acquire() {
        int[] held = HELD.get();
        if (held[0] > 0) {
            nested();
        }
        try {
            Connection connection = new KnownIsolation(pool.getConnection(), isolation);
            held[0]++;
            return connection;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot get a connection from the pool", e);
        }
    }

    private static void nested() {
        IllegalStateException where = new IllegalStateException(
                "a second pooled connection taken while this thread holds one: use the transaction's context");
        if (FAIL_ON_NESTING) {
            throw where;
        }
        LOG.log(System.Logger.Level.WARNING, "db_nested_connection", where);
    }

    @Override
    public void release(Connection connection) {
        HELD.get()[0]--;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Cannot return a connection to the pool", e);
        }
    }

    private static final class KnownIsolation extends DefaultConnection {

        private int isolation;

        KnownIsolation(Connection pooled, int isolation) {
            super(pooled);
            this.isolation = isolation;
        }

        @Override
        public int getTransactionIsolation() {
            return isolation;
        }

        @Override
        public void setTransactionIsolation(int level) throws SQLException {
            super.setTransactionIsolation(level);
            isolation = level;
        }
    }
}
