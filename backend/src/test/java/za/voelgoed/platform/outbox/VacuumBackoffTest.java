package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VacuumBackoffTest {

    private final VacuumBackoff backoff = new VacuumBackoff(2_000, 60_000);

    @Test
    void dueAtOnceUntilAVacuumFreesNothing() {
        assertThat(backoff.due(0)).isTrue();
        assertThat(backoff.vacuumed(0, true)).isZero();
        assertThat(backoff.due(0)).isTrue();
    }

    @Test
    void vacuumsThatFreeNothingWaitTwiceAsLongEachTimeUpToTheMaximum() {
        long now = 0;
        long[] waits = new long[7];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = backoff.vacuumed(now, false);
            assertThat(backoff.due(now + waits[i] - 1)).isFalse();
            now += waits[i];
            assertThat(backoff.due(now)).isTrue();
        }
        assertThat(waits).containsExactly(4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000);
    }

    @Test
    void aVacuumThatFreesTheRowsEndsTheBackoff() {
        backoff.vacuumed(0, false);
        backoff.vacuumed(4_000, false);
        assertThat(backoff.vacuumed(12_000, true)).isZero();
        assertThat(backoff.due(12_000)).isTrue();
        assertThat(backoff.vacuumed(12_000, false)).as("starts over").isEqualTo(4_000);
    }
}
