package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void aLatencyFallsInTheFirstBucketWhoseBoundIsAtOrAboveItWithinNinePercent() {
        for (double ms : new double[] {0.11, 0.5, 1, 3.3, 12, 150, 999, 45_000}) {
            int bucket = LatencyBuckets.of(ms);
            assertThat(LatencyBuckets.upperBound(bucket)).as("%s ms", ms).isGreaterThanOrEqualTo(ms);
            assertThat(LatencyBuckets.upperBound(bucket)).as("%s ms", ms).isLessThan(ms * 1.091);
        }
        assertThat(LatencyBuckets.of(0)).isZero();
        assertThat(LatencyBuckets.of(-3)).isZero();
        assertThat(LatencyBuckets.of(10_000_000)).isEqualTo(LatencyBuckets.COUNT - 1);
    }

    @Test
    void percentilesOfSummedHistogramsAreThoseOfAllSamples() {
        Map<Integer, Long> nodeA = new HashMap<>();
        Map<Integer, Long> nodeB = new HashMap<>();
        for (int i = 1; i <= 90; i++) {
            nodeA.merge(LatencyBuckets.of(2), 1L, Long::sum);
        }
        for (int i = 1; i <= 10; i++) {
            nodeB.merge(LatencyBuckets.of(100), 1L, Long::sum);
        }
        Map<Integer, Long> both = new HashMap<>(nodeA);
        nodeB.forEach((k, v) -> both.merge(k, v, Long::sum));

        assertThat(LatencyBuckets.quantile(both, 0.50)).isCloseTo(2, within(0.2));
        assertThat(LatencyBuckets.quantile(both, 0.90)).isCloseTo(2, within(0.2));
        assertThat(LatencyBuckets.quantile(both, 0.99)).isCloseTo(100, within(9.0));
        assertThat(LatencyBuckets.quantile(Map.of(), 0.99)).isZero();
    }
}
