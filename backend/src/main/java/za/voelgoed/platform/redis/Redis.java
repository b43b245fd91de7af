package za.voelgoed.platform.redis;

import java.net.URI;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * The Redis side of a node: one pooled client and the key prefix every key and channel carries, so
 * two deployments (or two test runs) can share a server without touching each other's keys.
 * Multi-key operations build their keys with {@link #key} and a hash tag so they run on Redis Cluster.
 */
public final class Redis implements AutoCloseable {

    private final RedisClient client;
    private final String prefix;
    private final HostAndPort address;
    private final DefaultJedisClientConfig clientConfig;

    private static final int POOL_SIZE = 64;

    private Redis(RedisClient client, String prefix, HostAndPort address, DefaultJedisClientConfig clientConfig) {
        this.client = client;
        this.prefix = prefix;
        this.address = address;
        this.clientConfig = clientConfig;
    }

    /** Connects to {@code redis://host:port/db}. */
    public static Redis connect(String url, String prefix) {
        URI uri = URI.create(url);
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("VOELGOED_REDIS_URL must look like redis://host:port/db, got " + url);
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        int database = path.isEmpty() ? 0 : Integer.parseInt(path);
        HostAndPort address = new HostAndPort(uri.getHost(), port);
        // CLIENT SETINFO is Redis 7.2+: on 7.0 every new connection would answer it with an error
        DefaultJedisClientConfig clientConfig = DefaultJedisClientConfig.builder()
                .database(database).timeoutMillis(2_000).clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        // as many idle as in use: a pool that closes what it cannot keep idle reconnects on every burst,
        // and under steady load that churn (connect, handshake, TIME_WAIT) cost more than the commands
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMinIdle(4);
        // an exhausted pool answers with an error after a while instead of parking its caller for good
        pool.setMaxWait(java.time.Duration.ofSeconds(5));
        RedisClient client = RedisClient.builder().hostAndPort(address).clientConfig(clientConfig)
                .poolConfig(pool).build();
        return new Redis(client, prefix, address, clientConfig);
    }

    public RedisClient client() {
        return client;
    }

    /** A key or channel name under this deployment's prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /** A client of its own, for a blocking subscription that must not hold a pooled connection. */
    public RedisClient dedicatedClient() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(2);
        return RedisClient.builder().hostAndPort(address).clientConfig(clientConfig).poolConfig(pool).build();
    }

    public boolean isReachable() {
        try {
            return "PONG".equals(client.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
