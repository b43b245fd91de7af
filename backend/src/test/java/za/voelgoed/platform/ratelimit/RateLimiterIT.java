package za.voelgoed.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.testing.TestEnv;

/** The limiter counts in Redis shared by every node, and keeps the same limit per node when Redis is gone. */
class RateLimiterIT {

    @Test
    void countsAcrossLimitersThroughRedis() throws Exception {
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            RateLimiter nodeA = new RateLimiter(redis, "shared", 10);
            RateLimiter nodeB = new RateLimiter(redis, "shared", 10);
            awaitFreshWindow();
            List<Boolean> allowed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                allowed.add(nodeA.tryAcquire("token-1").allowed());
                allowed.add(nodeB.tryAcquire("token-1").allowed());
            }
            assertThat(allowed.stream().filter(a -> a).count()).isEqualTo(10);
            assertThat(nodeA.check("token-1").allowed()).isFalse();
            assertThat(nodeA.tryAcquire("token-2", 10).allowed()).isTrue();
            assertThat(nodeA.tryAcquire("token-2", 1).allowed()).as("a cost counts as that many requests").isFalse();
        }
    }

    @Test
    void withRedisUnreachableTheLimitHoldsPerNodeInsteadOfFailingOpen() throws Exception {
        try (Redis dead = Redis.connect("redis://127.0.0.1:1/0", "nowhere:")) {
            RateLimiter limiter = new RateLimiter(dead, "rest", 5);
            awaitFreshWindow();
            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                if (limiter.tryAcquire("token").allowed()) {
                    allowed++;
                }
            }
            assertThat(allowed).isEqualTo(5);
            assertThat(limiter.check("token").allowed()).isFalse();
            assertThat(limiter.tryAcquire("another").allowed()).isTrue();
        }
    }

    /** Starts at the beginning of a one-second window, so a run of requests falls in one window. */
    private static void awaitFreshWindow() throws InterruptedException {
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000);
    }
}
