package za.voelgoed.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLatencyTest {

    @Test
    void quantilesAreTheUpperEdgesOfTheirMillisecondAndTheMeanIsExact() {
        RequestLatency latency = new RequestLatency();
        for (int i = 1; i <= 100; i++) {
            latency.record(i * 1_000_000L - 500_000L); // 0.5 ms, 1.5 ms, ... 99.5 ms
        }

        assertEquals(100, latency.requests());
        assertEquals(50, latency.quantileMillis(0.50));
        assertEquals(99, latency.quantileMillis(0.99));
        assertEquals(100, latency.quantileMillis(1.0));
        assertEquals(50.0, latency.meanMillis(), 1e-9);
    }

    @Test
    void aLatencyPastTheLastBucketCountsThereAndNoRequestsGiveZero() {
        RequestLatency latency = new RequestLatency();
        assertEquals(0, latency.quantileMillis(0.99));

        latency.record(45_000_000_000L);

        assertEquals(30_001, latency.quantileMillis(0.5));
    }
}
