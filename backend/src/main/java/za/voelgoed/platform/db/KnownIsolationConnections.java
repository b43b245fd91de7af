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
 */
final class KnownIsolationConnections implements ConnectionProvider {

    private final DataSource pool;
    private final int isolation;

    KnownIsolationConnections(DataSource pool, int isolation) {
        this.pool = pool;
        this.isolation = isolation;
    }

    @Override
    public Connection acquire() {
        try {
            return new KnownIsolation(pool.getConnection(), isolation);
        } catch (SQLException e) {
            throw new DataAccessException("Cannot get a connection from the pool", e);
        }
    }

    @Override
    public void release(Connection connection) {
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
