package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InventoryExpiryTest {

    final InventoryExpiry expiry = InventoryExpiry.ofHours(168, 24);
    final Instant now = Instant.parse("2027-03-10T12:00:00Z");

    @Test
    void keysOfAShowWithAnEndExpireTheGraceAfterIt() {
        Instant starts = Instant.parse("2027-03-20T19:00:00Z");
        Instant ends = Instant.parse("2027-03-22T23:00:00Z");

        assertThat(expiry.keysExpireAt(starts, ends, now)).isEqualTo(ends.plus(Duration.ofDays(7)));
    }

    @Test
    void aShowWithoutAnEndLastsTheDefaultLength() {
        Instant starts = Instant.parse("2027-03-20T19:00:00Z");

        assertThat(expiry.endOf(starts, null)).isEqualTo(starts.plus(Duration.ofHours(24)));
        assertThat(expiry.keysExpireAt(starts, null, now)).isEqualTo(starts.plus(Duration.ofHours(24 + 168)));
    }

    @Test
    void aShowThatEndedWithinTheGraceKeepsItsKeysUntilTheGraceRunsOut() {
        Instant ends = now.minus(Duration.ofDays(1));

        assertThat(expiry.keysExpireAt(ends.minus(Duration.ofHours(3)), ends, now)).isEqualTo(now.plus(Duration.ofDays(6)));
    }

    @Test
    void aLongPastOrUnknownShowLoadedNowKeepsItsKeysForTheFloorOnly() {
        Instant ends = now.minus(Duration.ofDays(30));

        assertThat(expiry.keysExpireAt(ends.minus(Duration.ofHours(3)), ends, now)).isEqualTo(now.plus(InventoryExpiry.FLOOR));
        assertThat(expiry.keysExpireAt(null, null, now)).isEqualTo(now.plus(InventoryExpiry.FLOOR));
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> InventoryExpiry.ofHours(-1, 24)).isInstanceOf(IllegalArgumentException.class);
    }
}
