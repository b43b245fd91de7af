package za.voelgoed.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.platform.redis.Redis;

/** A clean database and Redis prefix per benchmark run, on the local services. */
final class BenchEnv {

    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/voelgoed_bench";
    static final String REDIS_URL = "redis://127.0.0.1:6379/0";

    final String redisPrefix = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";

    BenchEnv() {
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
        env.put("VOELGOED_ADMIN_TOKEN", "bench-admin");
        env.put("VOELGOED_NODE_ID", nodeId);
        env.put("VOELGOED_DB_POOL_SIZE", "24");
        env.put("VOELGOED_RATE_LIMIT_REST_PER_SECOND", "0");
        env.put("VOELGOED_RATE_LIMIT_FRAMES_PER_SECOND", "0");
        return env;
    }

    AppConfig config(String nodeId) {
        return AppConfig.load(env(nodeId));
    }

    void cleanRedis() {
        try (Redis redis = Redis.connect(REDIS_URL, redisPrefix)) {
            var keys = redis.client().keys(redisPrefix + "*");
            if (!keys.isEmpty()) {
                redis.client().del(keys.toArray(String[]::new));
            }
        }
    }
}
