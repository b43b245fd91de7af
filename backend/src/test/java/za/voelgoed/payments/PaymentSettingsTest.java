package za.voelgoed.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentSettingsTest {

    @Test
    void defaultsPointAtTheLocalSimulator() {
        assertThat(PaymentSettings.fromEnv(Map.of()))
                .isEqualTo(new PaymentSettings("http://127.0.0.1:8089", 1000, 5000, 3));
    }

    @Test
    void environmentOverridesEachSetting() {
        PaymentSettings settings = PaymentSettings.fromEnv(Map.of(
                "VOELGOED_PAYMENTS_URL", "https://pay.example/",
                "VOELGOED_PAYMENTS_CONNECT_TIMEOUT_MS", "250",
                "VOELGOED_PAYMENTS_TIMEOUT_MS", "8000",
                "VOELGOED_PAYMENTS_MAX_ATTEMPTS", "5"));

        assertThat(settings).isEqualTo(new PaymentSettings("https://pay.example", 250, 8000, 5));
    }

    @Test
    void nonsenseIsRefusedAtStart() {
        assertThatThrownBy(() -> PaymentSettings.fromEnv(Map.of("VOELGOED_PAYMENTS_TIMEOUT_MS", "soon")))
                .hasMessageContaining("VOELGOED_PAYMENTS_TIMEOUT_MS");
        assertThatThrownBy(() -> PaymentSettings.fromEnv(Map.of("VOELGOED_PAYMENTS_MAX_ATTEMPTS", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
