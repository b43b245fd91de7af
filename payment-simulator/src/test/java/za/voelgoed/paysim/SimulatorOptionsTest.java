package za.voelgoed.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void defaultsListenOnLoopbackPort8089WithoutFaults() {
        SimulatorOptions options = SimulatorOptions.defaults();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8089);
        assertThat(options.latencyMs()).isZero();
        assertThat(options.failureRate()).isZero();
        assertThat(options.timeoutSleepMs()).isEqualTo(30_000);
        assertThat(options.seed()).isEmpty();
    }

    @Test
    void argumentsOverrideTheEnvironment() {
        Map<String, String> env = Map.of("PAYSIM_PORT", "9000", "PAYSIM_LATENCY_MS", "50", "PAYSIM_SEED", "7");

        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--port", "0", "--decline-rate=0.25"}, env);

        assertThat(options.port()).isZero();
        assertThat(options.latencyMs()).isEqualTo(50);
        assertThat(options.declineRate()).isEqualTo(0.25);
        assertThat(options.seed()).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void unknownOptionsAndMissingValuesAreRefused() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--prot", "1"}, Map.of()))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--port"}, Map.of()))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"8089"}, Map.of()))
                .hasMessageContaining("unexpected argument");
    }

    @Test
    void ratesOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--failure-rate", "1.5"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure-rate");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--timeout-rate", "-0.1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout-rate");
    }
}
