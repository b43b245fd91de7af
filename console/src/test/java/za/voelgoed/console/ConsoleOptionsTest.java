package za.voelgoed.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.shell.viewmodel.PageId;

class ConsoleOptionsTest {

    @Test
    void readsOptionsInBothSpellingsOverTheEnvironment() {
        ConsoleOptions o = ConsoleOptions.parse(List.of("--backend=http://10.0.0.5:8080", "--token", "vg_abc",
                "--page", "dlq", "--screenshot", "out/dlq.png", "--rotate=30"), Map.of("VOELGOED_URL", "http://x:1",
                "VOELGOED_TOKEN", "vg_env", "VOELGOED_ORG", "3f0c2e1a-0000-4000-8000-000000000001"));
        assertThat(o.backend()).isEqualTo("http://10.0.0.5:8080");
        assertThat(o.token()).isEqualTo("vg_abc");
        assertThat(o.org()).isEqualTo("3f0c2e1a-0000-4000-8000-000000000001");
        assertThat(o.page()).isEqualTo(PageId.DLQ);
        assertThat(o.screenshot()).isEqualTo(Path.of("out/dlq.png"));
        assertThat(o.rotateEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.canConnectDirectly()).isTrue();
        assertThat(o.wall()).isFalse();
        assertThat(o.dark()).isFalse();
    }

    @Test
    void theWallIsDarkUnlessToldOtherwise() {
        assertThat(ConsoleOptions.parse(List.of("--wall"), Map.of()).dark()).isTrue();
        assertThat(ConsoleOptions.parse(List.of("--wall", "--theme", "light"), Map.of()).dark()).isFalse();
        assertThat(ConsoleOptions.parse(List.of(), Map.of()).canConnectDirectly()).isFalse();
    }

    @Test
    void refusesWhatItCannotUseWithASentence() {
        assertThat(ConsoleOptions.parse(List.of("--page", "gates"), Map.of()).page()).isEqualTo(PageId.GATES);
        assertThat(ConsoleOptions.parse(List.of("--page=check-in"), Map.of()).page()).isEqualTo(PageId.CHECK_IN);
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--page", "tickets"), Map.of()))
                .hasMessage("--page must be sales, telemetry, dlq, gates or check-in.");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--token"), Map.of()))
                .hasMessage("--token needs a value.");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--colour", "red"), Map.of()))
                .hasMessage("Unknown option --colour; see --help.");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--backend", "localhost:8080"), Map.of()))
                .hasMessageContaining("http://localhost:8080");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--rotate", "0"), Map.of()))
                .hasMessageContaining("1 to 3600");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--wall=yes"), Map.of()))
                .hasMessage("--wall takes no value.");
    }
}
