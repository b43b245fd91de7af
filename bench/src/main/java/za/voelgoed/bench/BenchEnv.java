package za.voelgoed.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.platform.redis.Redis;

/**
 * A clean database and Redis prefix per benchmark run, on the local services. The database
 * {@code voelgoed_bench} is dropped and created again; when another client (another bench) is connected
 * to it the run stops instead of cutting that client off.
 */
final class BenchEnv {

    static final String DB_NAME = "voelgoed_bench";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB_NAME;
    static final String REDIS_URL = "redis://127.0.0.1:6379/0";
    /** The bootstrap admin token of bench nodes (the backend wants at least 32 characters). */
    static final String ADMIN_TOKEN = "bench-admin-" + UUID.randomUUID();
    /** A master key of this run only: nothing the bench seals outlives it. */
    static final String MASTER_KEY = za.voelgoed.platform.secrets.MasterKey.generate();

    final String redisPrefix = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";

    BenchEnv() {
        requireUnused();
        DatabaseBootstrap.recreate(DB_URL, "postgres", "");
    }

    /** Settings of a node in this run; rate limits are off (the load comes from one token). */
    Map<String, String> env(String nodeId) {
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_HTTP_HOST", "127.0.0.1");
        env.put("VOELGOED_HTTP_PORT", "0");
        env.put("VOELGOED_DB_URL", DB_URL);
        env.put("VOELGOED_REDIS_URL", REDIS_URL);
        env.put("VOELGOED_REDIS_PREFIX", redisPrefix);
        env.put("VOELGOED_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("VOELGOED_MASTER_KEY", MASTER_KEY);
        env.put("VOELGOED_MANAGEMENT_PORT", "0");
        env.put("VOELGOED_NODE_ID", nodeId);
        env.put("VOELGOED_DB_POOL_SIZE", "24");
        env.put("VOELGOED_RATE_LIMIT_REST_PER_SECOND", "0");
        env.put("VOELGOED_RATE_LIMIT_FRAMES_PER_SECOND", "0");
        env.put("VOELGOED_RATE_LIMIT_ORG_REST_PER_SECOND", "0");
        env.put("VOELGOED_LIMIT_SOCKETS_PER_TOKEN", "0");
        env.put("VOELGOED_LIMIT_SOCKETS_PER_ORG", "0");
        return env;
    }

    AppConfig config(String nodeId) {
        return config(nodeId, Map.of());
    }

    /** {@link #env} with {@code overrides} (same variable names) on top. */
    AppConfig config(String nodeId, Map<String, String> overrides) {
        Map<String, String> env = env(nodeId);
        env.putAll(overrides);
        return AppConfig.load(env);
    }

    /** Deletes every key under this run's prefix. */
    void cleanRedis() {
        try (Redis redis = Redis.connect(REDIS_URL, redisPrefix)) {
            var keys = redis.client().keys(redisPrefix + "*");
            if (!keys.isEmpty()) {
                redis.client().del(keys.toArray(String[]::new));
            }
        }
    }

    /** Waits up to 5 s for connections to the database to go (a previous run's closing); then refuses. */
    private static void requireUnused() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int others = otherConnections();
        while (others > 0 && System.nanoTime() < deadline) {
            sleep(200);
            others = otherConnections();
        }
        if (others > 0) {
            throw new IllegalStateException(DB_NAME + " has " + others + " other connection(s), probably another"
                    + " bench; run again when it has finished");
        }
    }

    private static int otherConnections() {
        String sql = "select count(*) from pg_stat_activity where datname = '" + DB_NAME + "'"
                + " and pid <> pg_backend_pid()";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL on 127.0.0.1:5432: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
