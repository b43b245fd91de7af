package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondWindowTest {

    private final SecondWindow window = new SecondWindow(2);

    @Test
    void sumsTheLastTenWholeSecondsAndLeavesTheCurrentOneOut() {
        window.add(100, 0, 3);
        window.add(105, 0, 2);
        window.add(105, 1, 7);
        window.add(110, 0, 50);

        assertThat(window.sum(110)).containsExactly(5, 7);
        assertThat(window.sum(111)).as("second 100 left the window, 110 entered").containsExactly(52, 7);
        assertThat(window.sum(116)).containsExactly(50, 0);
        assertThat(window.sum(121)).containsExactly(0, 0);
    }

    @Test
    void aSlotReusedByALaterSecondForgetsTheEarlierCounts() {
        window.add(100, 0, 4);
        window.add(112, 0, 1);

        assertThat(window.sum(113)).containsExactly(1, 0);
        window.add(100, 0, 9);
        assertThat(window.sum(113)).as("a writer late by more than the window loses its sample").containsExactly(1, 0);
    }

    @Test
    void concurrentWritersLoseNothingWithinOneSecond() throws InterruptedException {
        Thread[] writers = new Thread[8];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 10_000; n++) {
                    window.add(200, 1, 1);
                }
            });
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(window.sum(201)[1]).isEqualTo(80_000);
    }
}
