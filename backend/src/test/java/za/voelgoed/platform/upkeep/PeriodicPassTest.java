package za.voelgoed.platform.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PeriodicPassTest {

    @Test
    void passesRunAtOnceThenAgainAndAFailingPassDoesNotStopTheNext() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (PeriodicPass passes = new PeriodicPass("test_pass", Duration.ofMillis(20), () -> {
            runs.incrementAndGet();
            third.countDown();
            throw new IllegalStateException("the database is away");
        })) {
            passes.start().start();
            assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(passes.stopping()).isFalse();
        }
        int afterClose = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).as("no pass after close").isEqualTo(afterClose);
    }

    @Test
    void closingWakesTheWaitAndTellsARunningPassToStop() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        PeriodicPass[] self = new PeriodicPass[1];
        self[0] = new PeriodicPass("test_pass", Duration.ofHours(1), () -> {
            // a batch at least before the test closes, then batches until told to stop
            do {
                batches.incrementAndGet();
                started.countDown();
                Thread.onSpinWait();
            } while (!self[0].stopping());
        });
        self[0].start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        self[0].close();
        assertThat(self[0].stopping()).isTrue();
        int atClose = batches.get();
        Thread.sleep(100);
        assertThat(batches.get()).as("the running pass ended").isEqualTo(atClose).isPositive();
    }
}
