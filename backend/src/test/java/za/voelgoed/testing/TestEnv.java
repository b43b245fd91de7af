package za.voelgoed.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.platform.redis.Redis;

/**
 * The isolated services of one test JVM: a database of its own on the local PostgreSQL (recreated at
 * first use) and a Redis key prefix of its own, removed when the JVM exits. Two test runs on one
 * machine never see each other's rows or keys.
 */
public final class TestEnv {

    public static final String PG_HOST = System.getenv().getOrDefault("VOELGOED_PG_HOST", "127.0.0.1");
    public static final String RUN_ID = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public static final String DB_NAME = "voelgoed_test_" + RUN_ID;
    public static final String DB_URL = "jdbc:postgresql://" + PG_HOST + ":5432/" + DB_NAME;
    public static final String REDIS_URL = "redis://127.0.0.1:6379/0";
    public static final String REDIS_PREFIX = "test:" + RUN_ID + ":";
    public static final String ADMIN_TOKEN = "test-admin-" + RUN_ID + "-" + UUID.randomUUID();
    public static final String MASTER_KEY = za.voelgoed.platform.secrets.MasterKey.generate();

    private static boolean prepared;

    private TestEnv() {
    }

    /** Creates this run's database once and registers the clean-up of database and keys. */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        io.helidon.logging.common.LogConfig.configureRuntime();
        DatabaseBootstrap.recreate(DB_URL, "postgres", "");
        org.flywaydb.core.Flyway.configure().dataSource(DB_URL, "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        Runtime.getRuntime().addShutdownHook(new Thread(TestEnv::dropEverything));
        prepared = true;
    }

    /** Configuration for a node of this run; {@code overrides} use the environment variable names. */
    public static AppConfig config(Map<String, String> overrides) {
        return AppConfig.load(environment(overrides));
    }

    /**
     * The {@code VOELGOED_*} variables of a node of this run, with {@code overrides}: what {@link #config}
     * loads, and what a backend started as a separate process is given as its environment.
     */
    public static Map<String, String> environment(Map<String, String> overrides) {
        prepare();
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_HTTP_HOST", "127.0.0.1");
        env.put("VOELGOED_HTTP_PORT", "0");
        env.put("VOELGOED_DB_URL", DB_URL);
        env.put("VOELGOED_DB_USER", "postgres");
        env.put("VOELGOED_DB_PASSWORD", "");
        env.put("VOELGOED_DB_POOL_SIZE", "8");
        env.put("VOELGOED_REDIS_URL", REDIS_URL);
        env.put("VOELGOED_REDIS_PREFIX", REDIS_PREFIX);
        env.put("VOELGOED_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("VOELGOED_MASTER_KEY", MASTER_KEY);
        env.put("VOELGOED_MANAGEMENT_PORT", "0");
        env.put("VOELGOED_OUTBOX_POLL_INTERVAL_MS", "200");
        env.put("VOELGOED_OUTBOX_CONSUMER_BACKOFF_MS", "20");
        env.put("VOELGOED_OUTBOX_CONSUMER_MAX_ATTEMPTS", "3");
        env.put("VOELGOED_RATE_LIMIT_REST_PER_SECOND", "0");
        env.put("VOELGOED_RATE_LIMIT_FRAMES_PER_SECOND", "0");
        env.put("VOELGOED_RATE_LIMIT_ORG_REST_PER_SECOND", "0");
        env.put("VOELGOED_RATE_LIMIT_UNAUTHENTICATED_PER_SECOND", "0");
        env.put("VOELGOED_LIMIT_SOCKETS_PER_TOKEN", "0");
        env.put("VOELGOED_LIMIT_SOCKETS_PER_ORG", "0");
        env.putAll(overrides);
        return env;
    }

    public static AppConfig config() {
        return config(Map.of());
    }

    /** Empties every table of the run's database (between tests). */
    public static void truncateAll() {
        prepare();
        // one statement for all tables; a node still running (its job producer, its dispatcher) can hold a
        // table lock the truncate waits for while wanting one the truncate took: PostgreSQL then aborts one
        // side as a deadlock, and the truncate is simply tried again
        String truncate = "do $$ begin execute 'truncate table ' || (select string_agg(quote_ident(tablename), ', ')"
                + " from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history')"
                + " || ' restart identity cascade'; end $$";
        for (int attempt = 1; ; attempt++) {
            try {
                exec(truncate);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5 || !(e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState()))) {
                    throw e;
                }
            }
        }
    }

    public static void exec(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(DB_URL, "postgres", "");
    }

    private static void dropEverything() {
        try (Redis redis = Redis.connect(REDIS_URL, REDIS_PREFIX)) {
            var keys = redis.client().keys(REDIS_PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.client().del(keys.toArray(String[]::new));
            }
        } catch (RuntimeException ignored) {
            // Redis already gone: nothing left to clean
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":5432/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + DB_NAME + "\" with (force)");
        } catch (SQLException ignored) {
            // best effort at JVM exit
        }
    }
}
