package za.voelgoed.platform.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits {@code base * 2^(n-1)}, capped, then spread by
 * ±20 % so that many consumers failing together do not retry in lockstep.
 */
public record Backoff(Duration base, Duration cap) {

    public Duration delay(int attempt, RandomGenerator random) {
        int exponent = Math.max(0, Math.min(attempt - 1, 30));
        long raw = base.toMillis() * (1L << exponent);
        long capped = Math.min(raw, cap.toMillis());
        double spread = 0.8 + random.nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * spread)));
    }
}
