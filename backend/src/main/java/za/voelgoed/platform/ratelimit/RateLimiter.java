package za.voelgoed.platform.ratelimit;

import java.lang.System.Logger.Level;
import java.util.List;
import za.voelgoed.platform.redis.Redis;

/**
 * Counts requests per key in one-second windows in Redis ({@code INCR} + {@code PEXPIRE} in one Lua call,
 * so the counter can never be left without an expiry) and refuses those over the limit.
 */
public final class RateLimiter {

    private static final System.Logger LOG = System.getLogger(RateLimiter.class.getName());
    private static final long WINDOW_MS = 1_000;
    private static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}
            """;

    /** The verdict for one request: allowed, or refused until {@code retryAfterMs} has passed. */
    public record Verdict(boolean allowed, long retryAfterMs) {
        static final Verdict ALLOW = new Verdict(true, 0);
    }

    private final Redis redis;
    private final String purpose;
    private final int perSecond;

    /** {@code perSecond <= 0} disables the limit. */
    public RateLimiter(Redis redis, String purpose, int perSecond) {
        this.redis = redis;
        this.purpose = purpose;
        this.perSecond = perSecond;
    }

    /** Counts one request of {@code subject} (a token id, "admin", ...) and says whether it may proceed. */
    public Verdict tryAcquire(String subject) {
        if (perSecond <= 0) {
            return Verdict.ALLOW;
        }
        long window = System.currentTimeMillis() / WINDOW_MS;
        String key = redis.key("ratelimit:{" + purpose + ":" + subject + "}:" + window);
        try {
            List<?> result = (List<?>) redis.client().eval(SCRIPT, List.of(key), List.of(Long.toString(WINDOW_MS)));
            long count = (Long) result.get(0);
            long ttl = Math.max(1, (Long) result.get(1));
            return count <= perSecond ? Verdict.ALLOW : new Verdict(false, ttl);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rate_limit_unavailable purpose=" + purpose + " error=\"" + e.getMessage() + "\"");
            return Verdict.ALLOW;
        }
    }
}
