package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    @Test
    void doublesPerAttemptWithinTwentyPercentJitter() {
        SplittableRandom random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long nominal = 100L << (attempt - 1);
            long delay = backoff.delay(attempt, random).toMillis();
            assertThat(delay).isBetween((long) (nominal * 0.8), (long) (nominal * 1.2));
        }
    }

    @Test
    void isCappedEvenForHugeAttemptCounts() {
        SplittableRandom random = new SplittableRandom(7);
        assertThat(backoff.delay(40, random)).isLessThanOrEqualTo(Duration.ofMillis(12_000));
        assertThat(backoff.delay(1_000, random)).isGreaterThanOrEqualTo(Duration.ofMillis(8_000));
    }

    @Test
    void jitterSpreadsRetriesApart() {
        SplittableRandom random = new SplittableRandom(1);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> backoff.delay(3, random).toMillis())
                .distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }
}
