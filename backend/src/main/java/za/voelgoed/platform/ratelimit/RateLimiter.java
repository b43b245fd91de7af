package za.voelgoed.platform.ratelimit;

import java.lang.System.Logger.Level;
import java.util.List;
import za.voelgoed.platform.redis.Redis;

/**
 * Counts requests per key in one-second windows in Redis ({@code INCRBY} + {@code PEXPIRE} in one Lua call,
 * so the counter can never be left without an expiry) and refuses those over the limit. When Redis does not
 * answer, the same limit is kept per node ({@link LocalWindows}): weaker by the number of nodes, never open.
 */
public final class RateLimiter {

    private static final System.Logger LOG = System.getLogger(RateLimiter.class.getName());
    private static final long WINDOW_MS = 1_000;
    private static final long WARN_EVERY_MS = 10_000;
    private static final String SCRIPT = """
            local count = redis.call('INCRBY', KEYS[1], ARGV[2])
            if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}
            """;

    /** The verdict for one request: allowed, or refused until {@code retryAfterMs} has passed. */
    public record Verdict(boolean allowed, long retryAfterMs) {
        static final Verdict ALLOW = new Verdict(true, 0);
    }

    private final Redis redis;
    private final String purpose;
    private final int perSecond;
    private final LocalWindows local = new LocalWindows();
    private volatile long lastWarning;

    /** {@code perSecond <= 0} disables the limit. */
    public RateLimiter(Redis redis, String purpose, int perSecond) {
        this.redis = redis;
        this.purpose = purpose;
        this.perSecond = perSecond;
    }

    /** Counts one request of {@code subject} (a token id, "admin", ...) and says whether it may proceed. */
    public Verdict tryAcquire(String subject) {
        return tryAcquire(subject, 1);
    }

    /** Counts a request that costs {@code cost} units of the subject's budget (a resume costs more than a ping). */
    public Verdict tryAcquire(String subject, int cost) {
        if (perSecond <= 0) {
            return Verdict.ALLOW;
        }
        long now = System.currentTimeMillis();
        try {
            List<?> result = (List<?>) redis.client().eval(SCRIPT, List.of(key(subject, now)),
                    List.of(Long.toString(WINDOW_MS), Integer.toString(cost)));
            long count = (Long) result.get(0);
            return verdict(count, Math.max(1, (Long) result.get(1)));
        } catch (RuntimeException e) {
            warn(e);
            return verdict(local.add(subject, now / WINDOW_MS, cost), WINDOW_MS - now % WINDOW_MS);
        }
    }

    /** Whether the subject is already over its limit in this window, without counting anything. */
    public Verdict check(String subject) {
        if (perSecond <= 0) {
            return Verdict.ALLOW;
        }
        long now = System.currentTimeMillis();
        try {
            String count = redis.client().get(key(subject, now));
            return verdict(count == null ? 0 : Long.parseLong(count), WINDOW_MS - now % WINDOW_MS);
        } catch (RuntimeException e) {
            warn(e);
            return verdict(local.count(subject, now / WINDOW_MS), WINDOW_MS - now % WINDOW_MS);
        }
    }

    private Verdict verdict(long count, long retryAfterMs) {
        return count <= perSecond ? Verdict.ALLOW : new Verdict(false, retryAfterMs);
    }

    private String key(String subject, long now) {
        return redis.key("ratelimit:{" + purpose + ":" + subject + "}:" + now / WINDOW_MS);
    }

    private void warn(RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > WARN_EVERY_MS) {
            lastWarning = now;
            LOG.log(Level.WARNING, "rate_limit_redis_unavailable purpose=" + purpose
                    + " falling_back=per_node error=\"" + e.getMessage() + "\"");
        }
    }
}
