package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.http.ApiException;

class ScanSettingsTest {

    private static final UUID SHOW = UUID.randomUUID();

    @Test
    void aDoorsTimeWithAnOffsetIsKeptInUtcAndNoneMeansNoDoorsTime() {
        ShowSettings set = ScanSettings.validate(SHOW,
                new ScanSettings.Input(true, "2027-03-01T18:00:00.1234567+02:00"));
        assertThat(set.reentryAllowed()).isTrue();
        assertThat(set.doorsOpenAt().toInstant()).isEqualTo(Instant.parse("2027-03-01T16:00:00.123456Z"));
        assertThat(set.doorsOpenAt().getOffset().getTotalSeconds()).isZero();
        assertThat(ScanSettings.validate(SHOW, new ScanSettings.Input(false, null)))
                .isEqualTo(ShowSettings.defaults(SHOW));
    }

    @Test
    void reEntryMustBeSaidAndADoorsTimeMustHaveAnOffset() {
        assertThatThrownBy(() -> ScanSettings.validate(SHOW, new ScanSettings.Input(null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problem().toString()).contains("reentry_allowed");
                });
        assertThatThrownBy(() -> ScanSettings.validate(SHOW, new ScanSettings.Input(true, "")))
                .isInstanceOf(ApiException.class);
        for (String bad : new String[] {"2027-03-01T18:00:00", "2027-03-01", "soon", "2".repeat(100)}) {
            assertThatThrownBy(() -> ScanSettings.validate(SHOW, new ScanSettings.Input(true, bad)))
                    .as(bad).isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.problem().toString()).contains("doors_open_at").doesNotContain(bad));
        }
    }

    @Test
    void theDoorsAreOpenFromTheirTimeOn() {
        ShowSettings set = ScanSettings.validate(SHOW, new ScanSettings.Input(false, "2027-03-01T16:00:00Z"));
        assertThat(set.beforeDoors(Instant.parse("2027-03-01T15:59:59.999Z"))).isTrue();
        assertThat(set.beforeDoors(Instant.parse("2027-03-01T16:00:00Z"))).isFalse();
        assertThat(ShowSettings.defaults(SHOW).beforeDoors(Instant.EPOCH)).isFalse();
    }
}
