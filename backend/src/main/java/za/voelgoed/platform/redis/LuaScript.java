package za.voelgoed.platform.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script from {@code /lua/<name>.lua} on the class path, run by its SHA so only the digest
 * travels per call; a server that lost its script cache (restart, FLUSHALL SCRIPT) gets the text again.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private volatile String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
    }

    public static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalArgumentException("no Lua script /lua/" + name + ".lua on the class path");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object run(RedisClient client, List<String> keys, List<String> args) {
        String digest = sha;
        if (digest == null) {
            digest = sha = client.scriptLoad(source);
        }
        try {
            return client.evalsha(digest, keys, args);
        } catch (JedisNoScriptException e) {
            sha = client.scriptLoad(source);
            return client.evalsha(sha, keys, args);
        }
    }

    /** Runs with binary arguments (a bitmap), sending the text: used rarely, by rebuilds. */
    public Object runBinary(RedisClient client, List<byte[]> keys, List<byte[]> args) {
        return client.eval(source.getBytes(StandardCharsets.UTF_8), keys, args);
    }

    @Override
    public String toString() {
        return name;
    }
}
