package za.voelgoed.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The statements every hold and every event run, straight through JDBC on the connection of the jOOQ context's
 * transaction (ADR 0033). For each call of its plain-SQL API, jOOQ parses the template, works out a data type
 * for every bind value (building a new one for every array) and reads the result's metadata; at 2,000 events/s
 * that was a fifth of the backend's CPU. The SQL text is the same, so PostgreSQL plans and pgjdbc caches the
 * statements as before. A failure is jOOQ's {@link DataAccessException} with the {@link SQLException} as its
 * cause, so callers read its SQL state as before.
 */
public final class Jdbc {

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs an insert, update or delete; the rows it changed. */
    public static int execute(DSLContext sql, String statement, Object... params) {
        return sql.connectionResult(c -> {
            try (PreparedStatement ps = prepared(c, statement, params)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw failed(statement, e);
            }
        });
    }

    /** Runs a query (or a statement with {@code returning}); its rows, read by {@code row}, in order. */
    public static <T> List<T> query(DSLContext sql, String statement, Row<T> row, Object... params) {
        return sql.connectionResult(c -> {
            try (PreparedStatement ps = prepared(c, statement, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            } catch (SQLException e) {
                throw failed(statement, e);
            }
        });
    }

    private static PreparedStatement prepared(Connection c, String statement, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(c, ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case UUID[] ids -> ps.setArray(index, c.createArrayOf("uuid", ids));
            case String[] texts -> ps.setArray(index, c.createArrayOf("varchar", texts));
            case Integer[] numbers -> ps.setArray(index, c.createArrayOf("int4", numbers));
            case Long[] numbers -> ps.setArray(index, c.createArrayOf("int8", numbers));
            case OffsetDateTime[] times -> ps.setArray(index, c.createArrayOf("timestamptz", times));
            case Object[] other -> throw new IllegalArgumentException("no SQL array type for " + other.getClass());
            case null, default -> ps.setObject(index, value);
        }
    }

    /** jOOQ's exception, as its plain-SQL API would throw; the message names the statement by its first line. */
    private static DataAccessException failed(String statement, SQLException e) {
        String first = statement.strip().lines().findFirst().orElse("");
        return new DataAccessException("SQL [" + first + " …]; " + e.getMessage(), e);
    }
}
