package za.voelgoed.console.shell.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.LiveStatus;
import za.voelgoed.console.viewmodel.PageModel;

/** The staleness banner and page switching, with a clock the test moves. */
class ShellViewModelTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final FakeLive live = new FakeLive();
    private final ShellViewModel shell = new ShellViewModel(live, clock);

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private static final class FakeLive implements LiveStatus {
        Instant lastFrame;
        final List<LiveConnection.StateListener> listeners = new ArrayList<>();

        @Override
        public Instant lastFrameAt() {
            return lastFrame;
        }

        @Override
        public void addStateListener(LiveConnection.StateListener listener) {
            listeners.add(listener);
        }

        void state(LiveConnection.State state, String reason) {
            listeners.forEach(l -> l.onState(state, reason));
        }
    }

    private static final class Page extends PageModel {
        final List<String> calls = new ArrayList<>();

        @Override
        public void activate() {
            calls.add("activate");
        }

        @Override
        public void deactivate() {
            calls.add("deactivate");
        }

        @Override
        public void tick(long nowMs) {
            calls.add("tick");
            updated(Instant.parse("2026-12-02T10:00:00Z"));
        }
    }

    @Test
    void onlyTheShownPageIsActiveAndTicked() {
        Page sales = new Page();
        Page dlq = new Page();
        shell.register(PageId.SALES, sales);
        shell.register(PageId.DLQ, dlq);
        shell.current().set(PageId.SALES);
        shell.tick(0);
        shell.current().set(PageId.DLQ);
        shell.tick(100);
        assertThat(sales.calls).containsExactly("activate", "tick", "deactivate");
        assertThat(dlq.calls).containsExactly("activate", "tick");
    }

    @Test
    void theBannerShowsWhenTheSocketIsDownAndClearsWhenItIsBack() {
        live.state(LiveConnection.State.LIVE, null);
        live.lastFrame = clock.instant();
        shell.tick(0);
        assertThat(shell.stale().get()).isFalse();
        clock.advance(Duration.ofSeconds(4));
        live.state(LiveConnection.State.DOWN, "The live connection dropped (code 1006); reconnecting.");
        shell.tick(100);
        assertThat(shell.stale().get()).as("a blink shorter than a second is not shown").isFalse();
        clock.advance(Duration.ofSeconds(2));
        shell.tick(200);
        assertThat(shell.stale().get()).isTrue();
        assertThat(shell.banner().get()).startsWith("The live connection to the backend is down: the data on screen is 6 s old");
        assertThat(shell.connection().get()).contains("code 1006");
        live.state(LiveConnection.State.LIVE, null);
        live.lastFrame = clock.instant();
        shell.tick(300);
        assertThat(shell.stale().get()).isFalse();
        assertThat(shell.banner().get()).isEmpty();
        assertThat(shell.connection().get()).isEqualTo("Live");
    }

    @Test
    void aSilentOpenSocketIsStaleAfterTheThreshold() {
        shell.staleAfter(Duration.ofSeconds(10));
        live.state(LiveConnection.State.LIVE, null);
        live.lastFrame = clock.instant();
        shell.tick(0);
        clock.advance(Duration.ofSeconds(11));
        shell.tick(100);
        assertThat(shell.stale().get()).isTrue();
        assertThat(shell.banner().get()).startsWith("Nothing has come from the backend for 11 s");
        live.lastFrame = clock.instant();
        shell.tick(200);
        assertThat(shell.stale().get()).isFalse();
    }

    @Test
    void pauseReachesEveryPage() {
        Page sales = new Page();
        shell.register(PageId.SALES, sales);
        shell.paused().set(true);
        assertThat(sales.paused().get()).isTrue();
    }
}
