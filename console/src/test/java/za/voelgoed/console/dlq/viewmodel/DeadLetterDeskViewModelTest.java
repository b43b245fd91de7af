package za.voelgoed.console.dlq.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.DeadLetterApi;
import za.voelgoed.console.api.DeadLetters;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDeskViewModel.Action;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDeskViewModel.Scope;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;

/** The desk's flow without a toolkit: dry run first, nothing changes before the confirm, the reason is asked for. */
class DeadLetterDeskViewModelTest {

    private final UUID org = UUID.randomUUID();
    private final FakeTopics topics = new FakeTopics();
    private final Desk api = new Desk();
    private final DeadLetterDeskViewModel model = new DeadLetterDeskViewModel(Tasks.direct(), topics, api,
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    /** The calls the desk made, in order, and entries it serves. */
    private final class Desk implements DeadLetterApi {
        final List<String> calls = new ArrayList<>();
        final List<DeadLetters.Entry> entries = new ArrayList<>();
        DeadLetters.Filter lastFilter;

        @Override
        public UUID org() {
            return org;
        }

        @Override
        public DeadLetters.Page deadLetters(DeadLetters.Filter filter, String cursor, int limit) {
            calls.add("list " + cursor);
            lastFilter = filter;
            return new DeadLetters.Page(List.copyOf(entries), cursor == null && entries.size() > 1 ? "c2" : null);
        }

        @Override
        public DeadLetters.ReplayResult replay(List<UUID> ids, DeadLetters.Filter filter, String reason, boolean dry) {
            calls.add((dry ? "dry-replay " : "replay ") + (ids == null ? "filter" : ids.size()) + " " + reason);
            return new DeadLetters.ReplayResult(dry, entries.stream().skip(1)
                    .map(e -> new DeadLetters.Replayed(e.id(), 7)).toList(),
                    entries.stream().limit(1).map(e -> new DeadLetters.Skipped(e.id(), "already_done", "x")).toList());
        }

        @Override
        public DeadLetters.DiscardResult discard(List<UUID> ids, DeadLetters.Filter filter, String reason, boolean dry) {
            calls.add((dry ? "dry-discard " : "discard ") + (ids == null ? "filter" : ids.size()));
            return new DeadLetters.DiscardResult(dry, ids == null ? List.of() : ids, List.of());
        }

        @Override
        public DeadLetters.AuditPage audit(String cursor, int limit) {
            calls.add("audit");
            return new DeadLetters.AuditPage(List.of(), null);
        }

        @Override
        public List<DeadLetters.Queue> queues() {
            calls.add("queues");
            return List.of(new DeadLetters.Queue("queue:org:" + org + ":payments", "payments", false, Map.of()));
        }

        @Override
        public DeadLetters.Queue pause(String kind) {
            calls.add("pause " + kind);
            return new DeadLetters.Queue("q", kind, true, Map.of());
        }

        @Override
        public DeadLetters.Queue resume(String kind) {
            calls.add("resume " + kind);
            return new DeadLetters.Queue("q", kind, false, Map.of());
        }
    }

    private DeadLetters.Entry entry(String type) {
        return new DeadLetters.Entry(UUID.randomUUID(), 1, "queue:org:" + org + ":payments", "src", "capture", type,
                null, 3, null, "dead", Instant.now(), null, null, null);
    }

    @Test
    void replayAllMatchingIsADryRunFirstAndChangesNothingUntilConfirmed() {
        api.entries.addAll(List.of(entry("payment.capture"), entry("payment.capture"), entry("payment.capture")));
        model.activate();
        model.tick(0);
        assertThat(model.entries()).hasSize(3);
        model.reason().set("provider back up");
        assertThat(model.prepare(Action.REPLAY, Scope.MATCHING)).isTrue();
        assertThat(api.calls).contains("dry-replay filter provider back up").doesNotContain("replay filter provider back up");
        assertThat(model.plan().get().wouldRun()).isEqualTo(2);
        assertThat(model.plan().get().summary())
                .isEqualTo("Replay 2 dead letters matching the filter; 1 would be skipped: already_done 1.");
        assertThat(model.confirm()).isTrue();
        assertThat(api.calls).contains("replay filter provider back up");
        assertThat(model.plan().get()).isNull();
        assertThat(model.outcome().get()).startsWith("Replayed 2, skipped 1.");
    }

    @Test
    void cancellingTheDryRunDoesNothing() {
        api.entries.add(entry("a"));
        model.activate();
        model.tick(0);
        model.reason().set("trying");
        model.prepare(Action.DISCARD, Scope.MATCHING);
        model.cancel();
        assertThat(model.confirm()).isFalse();
        assertThat(api.calls).noneMatch(c -> c.startsWith("discard"));
        assertThat(model.outcome().get()).isEqualTo("Nothing was changed.");
    }

    @Test
    void withoutAReasonOrSelectionNothingIsAsked() {
        api.entries.add(entry("a"));
        model.activate();
        model.tick(0);
        model.prepare(Action.REPLAY, Scope.MATCHING);
        assertThat(model.outcome().get()).contains("reason");
        model.reason().set("because");
        model.prepare(Action.REPLAY, Scope.SELECTED);
        assertThat(model.outcome().get()).isEqualTo("Select dead letters first.");
        assertThat(api.calls).noneMatch(c -> c.contains("replay"));
    }

    @Test
    void theFilterGoesToTheServerAndABadTimeIsASentence() {
        model.activate();
        model.tick(0);
        model.filter().eventType().set(" payment.capture ");
        model.filter().since().set("yesterday");
        assertThat(model.search()).isFalse();
        assertThat(model.outcome().get()).contains("2026-12-01T18:00:00Z");
        model.filter().since().set("2026-12-01T00:00:00Z");
        assertThat(model.search()).isTrue();
        model.tick(1_000);
        assertThat(api.lastFilter.eventType()).isEqualTo("payment.capture");
        assertThat(api.lastFilter.since()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void pagesForwardAndBackWithTheServersCursor() {
        api.entries.addAll(List.of(entry("a"), entry("b")));
        model.activate();
        model.tick(0);
        assertThat(model.hasNext().get()).isTrue();
        model.nextPage();
        model.tick(1_000);
        assertThat(model.pageNumber().get()).isEqualTo(2);
        model.previousPage();
        model.tick(2_000);
        assertThat(api.calls.stream().filter(c -> c.startsWith("list")).toList())
                .containsExactly("list null", "list c2", "list null");
    }

    @Test
    void newDeadLettersArriveLiveAndAreCounted() {
        model.activate();
        model.tick(0);
        api.entries.add(entry("late"));
        topics.emit("audit:org:" + org, "dlq.entry_added.v1", Map.of());
        topics.emit("audit:org:" + org, "dlq.entry_added.v1", Map.of());
        model.tick(1_000);
        assertThat(model.arrivedSinceLoad().get()).isEqualTo(2);
        assertThat(model.entries()).hasSize(1);
        model.reload();
        assertThat(model.arrivedSinceLoad().get()).isZero();
        model.deactivate();
        assertThat(topics.heldTopics()).isEmpty();
    }

    @Test
    void pausingAQueueAsksTheBackend() {
        model.activate();
        model.tick(0);
        model.pauseQueue("payments", true);
        assertThat(api.calls).contains("pause payments");
        assertThat(model.outcome().get()).isEqualTo("Queue payments is paused.");
    }

    @Test
    void aChosenDeadLetterStaysChosenAcrossReloadsAndAChoiceMadeDuringALoadIsKept() {
        DeadLetters.Entry first = entry("a");
        api.entries.addAll(List.of(first, entry("b")));
        model.activate();
        model.entries().addListener((javafx.collections.ListChangeListener<DeadLetters.Entry>) c -> {
            if (model.focused().get() == null && !model.entries().isEmpty()) {
                model.focused().set(model.entries().getFirst()); // what the view does
            }
        });
        model.tick(0);
        assertThat(model.focused().get()).isEqualTo(first);
        model.reload();
        model.tick(1_000);
        assertThat(model.focused().get()).isEqualTo(first);
    }
}
