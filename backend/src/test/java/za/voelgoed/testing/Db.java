package za.voelgoed.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC reads for assertions, independent of the code under test. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... args) {
        return ((Number) single(sql, args)).longValue();
    }

    public static Object single(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + rows.size());
        }
        return rows.get(0).get(0);
    }

    public static List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = TestEnv.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
