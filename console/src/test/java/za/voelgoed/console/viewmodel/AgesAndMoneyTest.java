package za.voelgoed.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgesAndMoneyTest {

    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void agesReadLikeAStatusBar() {
        assertThat(Ages.since(null, now)).isEqualTo("no data yet");
        assertThat(Ages.since(now.minusMillis(500), now)).isEqualTo("just now");
        assertThat(Ages.since(now.minusSeconds(12), now)).isEqualTo("12 s ago");
        assertThat(Ages.since(now.minusSeconds(180), now)).isEqualTo("3 min ago");
        assertThat(Ages.since(now.minusSeconds(3 * 3_600), now)).isEqualTo("3 h ago");
        assertThat(Ages.since(now.plusSeconds(5), now)).isEqualTo("just now");
        assertThat(Ages.old(now.minusMillis(500), now)).isEqualTo("0 s old");
        assertThat(Ages.old(now.minusSeconds(45), now)).isEqualTo("45 s old");
        assertThat(Ages.old(now.minusSeconds(600), now)).isEqualTo("10 min old");
    }

    @Test
    void moneyIsRandsWithCentsAndSpacesBetweenThousands() {
        assertThat(Money.format(123_450, "ZAR")).isEqualTo("R 1 234.50");
        assertThat(Money.format(0, null)).isEqualTo("R 0.00");
        assertThat(Money.format(1_200, "USD")).isEqualTo("USD 12.00");
        assertThat(Money.count(1_234_567)).isEqualTo("1 234 567");
    }
}
