package za.voelgoed.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the configured database on its server when it is missing (first start on a new machine). */
public final class DatabaseBootstrap {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");

    private DatabaseBootstrap() {
    }

    public static void createIfMissing(String jdbcUrl, String user, String password) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            return;
        }
        String name = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password)) {
            if (!exists(c, name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot reach PostgreSQL at " + maintenanceUrl + ": " + e.getMessage(), e);
            }
        }
    }

    /** Drops and recreates a database; for test runs that want a clean schema of their own. */
    public static void recreate(String jdbcUrl, String user, String password) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String maintenanceUrl = m.group(1) + "postgres";
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + m.group(2) + "\" with (force)");
            s.execute("create database \"" + m.group(2) + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + m.group(2) + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
