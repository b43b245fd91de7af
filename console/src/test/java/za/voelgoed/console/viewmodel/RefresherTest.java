package za.voelgoed.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefresherTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final List<Integer> applied = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private Refresher<Integer> refresher(boolean failing) {
        return new Refresher<>(Tasks.direct(), 250, () -> {
            if (failing) {
                throw new IllegalStateException("down");
            }
            return reads.incrementAndGet();
        }, applied::add, e -> failures.add(e.getMessage()));
    }

    @Test
    void readsOnceAtFirstTickAndNotAgainUntilInvalidated() {
        Refresher<Integer> r = refresher(false);
        r.tick(0);
        r.tick(1_000);
        r.tick(2_000);
        assertThat(applied).containsExactly(1);
    }

    @Test
    void aThousandInvalidationsBetweenTicksCostOneRead() {
        Refresher<Integer> r = refresher(false);
        r.tick(0);
        for (int i = 0; i < 1_000; i++) {
            r.invalidate();
        }
        r.tick(300);
        assertThat(applied).containsExactly(1, 2);
        assertThat(r.reads()).isEqualTo(2);
    }

    @Test
    void neverReadsMoreOftenThanTheInterval() {
        Refresher<Integer> r = refresher(false);
        r.tick(0);
        r.invalidate();
        r.tick(100);
        r.tick(200);
        assertThat(applied).containsExactly(1);
        r.tick(250);
        assertThat(applied).containsExactly(1, 2);
    }

    @Test
    void aFailedReadIsRetriedAfterTheInterval() {
        Refresher<Integer> r = refresher(true);
        r.tick(0);
        assertThat(failures).containsExactly("down");
        assertThat(r.isDirty()).isTrue();
        r.tick(100);
        assertThat(failures).hasSize(1);
        r.tick(300);
        assertThat(failures).hasSize(2);
    }

    @Test
    void eagerReadsStartWhenTheChangeIsSaidUnlessHeldBackButKeepTheInterval() {
        long[] now = {0};
        boolean[] allowed = {true};
        Refresher<Integer> r = refresher(false).eager(() -> now[0], () -> allowed[0]);
        r.tick(0);
        now[0] = 300;
        r.invalidate();
        assertThat(applied).as("read at once, not at the next tick").containsExactly(1, 2);
        now[0] = 400;
        r.invalidate();
        assertThat(applied).as("the interval still holds").containsExactly(1, 2);
        allowed[0] = false;
        now[0] = 1_000;
        r.invalidate();
        assertThat(applied).as("paused: nothing until a tick").containsExactly(1, 2);
        r.tick(1_000);
        assertThat(applied).containsExactly(1, 2, 3);
    }
}
