package za.voelgoed.console.dlq.viewmodel;

import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import za.voelgoed.console.api.DeadLetters;
import za.voelgoed.console.api.DeadLetterApi;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.Topics;
import za.voelgoed.console.viewmodel.Command;
import za.voelgoed.console.viewmodel.PageModel;
import za.voelgoed.console.viewmodel.Refresher;
import za.voelgoed.console.viewmodel.Tasks;
import za.voelgoed.shared.event.EventMessage;

/**
 * The dead-letter desk: dead letters filtered and paged on the server, the detail of one, replay or
 * discard of one, of the selected, or of <em>everything that matches the filter</em>, the audit trail
 * and the queues' pause switches. Every action is a dry run first ({@link #prepare}: how many would
 * run, how many would be skipped and why), then a confirm with the reason; nothing changes before the
 * confirm. New dead letters arrive live on {@code audit:org:{org}}.
 */
public final class DeadLetterDeskViewModel extends PageModel {

    public static final int PAGE_SIZE = 50;

    /** What to do. */
    public enum Action { REPLAY, DISCARD }

    /** To what. */
    public enum Scope { ONE, SELECTED, MATCHING }

    private final Tasks tasks;
    private final Topics topics;
    private final DeadLetterApi api;
    private final Clock clock;
    private final DeadLetterFilterFields filterFields = new DeadLetterFilterFields();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObservableList<DeadLetters.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<UUID> selectedIds = FXCollections.observableArrayList();
    private final ObjectProperty<DeadLetters.Entry> focused = new SimpleObjectProperty<>();
    private final ObservableList<DeadLetters.AuditEntry> audit = FXCollections.observableArrayList();
    private final ObservableList<DeadLetters.Queue> queues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DryRunPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper pageNumber = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty arrivedSinceLoad = new SimpleIntegerProperty(0);
    private final AtomicInteger arrivals = new AtomicInteger();
    private final Deque<String> previousCursors = new ArrayDeque<>();
    private final Refresher<DeadLetters.Page> pageReader;
    private final Refresher<Side> sideReader;
    private final Command prepareCommand;
    private final Command confirmCommand;
    private String currentCursor;
    private String nextCursor;
    private DeadLetters.Filter appliedFilter = DeadLetters.Filter.none();
    private LiveConnection.Handle handle;
    private Action pendingAction;
    private Scope pendingScope;

    private record Side(List<DeadLetters.AuditEntry> audit, List<DeadLetters.Queue> queues) {
    }

    public DeadLetterDeskViewModel(Tasks tasks, Topics topics, DeadLetterApi api, Clock clock) {
        this.tasks = tasks;
        this.topics = topics;
        this.api = api;
        this.clock = clock;
        this.pageReader = new Refresher<>(tasks, 300, () -> api.deadLetters(appliedFilter, currentCursor, PAGE_SIZE),
                this::showPage, this::failed);
        this.sideReader = new Refresher<>(tasks, 500,
                () -> new Side(api.audit(null, PAGE_SIZE).items(), api.queues()), this::showSide, this::failed);
        this.prepareCommand = new Command(this::runDryRun);
        this.confirmCommand = new Command(this::runConfirmed);
        confirmCommand.executable().bind(plan.isNotNull());
    }

    @Override
    public void activate() {
        if (handle == null) {
            handle = topics.subscribe("audit:org:" + api.org(), LiveConnection.TopicListener.of(this::heard, () -> {
                pageReader.invalidate();
                sideReader.invalidate();
            }));
        }
        pageReader.invalidate();
        sideReader.invalidate();
    }

    /** From the socket's thread: a dead letter came or changed, or a queue was paused or resumed. */
    private void heard(EventMessage message) {
        if (message.event().startsWith("dlq.")) {
            if (message.event().startsWith("dlq.entry_added")) {
                arrivals.incrementAndGet();
            }
            pageReader.invalidate();
            sideReader.invalidate();
        } else if (message.event().startsWith("queue.")) {
            sideReader.invalidate();
        }
    }

    @Override
    public void deactivate() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }

    @Override
    public void tick(long nowMs) {
        int arrived = arrivals.getAndSet(0);
        if (arrived > 0) {
            arrivedSinceLoad.set(arrivedSinceLoad.get() + arrived);
        }
        if (!paused().get()) {
            pageReader.tick(nowMs);
            sideReader.tick(nowMs);
        }
    }

    /** Applies the filter fields and goes back to the first page; a bad time gives a sentence, no request. */
    public boolean search() {
        DeadLetters.Filter filter;
        try {
            filter = filterFields.toFilter();
        } catch (DateTimeParseException e) {
            outcome.set("Since and until are times like 2026-12-01T18:00:00Z.");
            return false;
        }
        appliedFilter = filter;
        previousCursors.clear();
        currentCursor = null;
        pageNumber.set(1);
        plan.set(null);
        pageReader.invalidate();
        return true;
    }

    public void nextPage() {
        if (nextCursor == null) {
            return;
        }
        previousCursors.push(currentCursor == null ? "" : currentCursor);
        currentCursor = nextCursor;
        pageNumber.set(pageNumber.get() + 1);
        pageReader.invalidate();
    }

    public void previousPage() {
        if (previousCursors.isEmpty()) {
            return;
        }
        String back = previousCursors.pop();
        currentCursor = back.isEmpty() ? null : back;
        pageNumber.set(pageNumber.get() - 1);
        pageReader.invalidate();
    }

    /** Reloads the list, the audit trail and the queues now (and clears the "new" count). */
    public void reload() {
        arrivedSinceLoad.set(0);
        pageReader.invalidate();
        sideReader.invalidate();
    }

    /** Runs the dry run of an action; the plan (or a sentence why not) follows. */
    public boolean prepare(Action action, Scope scope) {
        pendingAction = action;
        pendingScope = scope;
        return prepareCommand.execute();
    }

    /** Carries out the prepared plan. */
    public boolean confirm() {
        return confirmCommand.execute();
    }

    public void cancel() {
        plan.set(null);
        outcome.set("Nothing was changed.");
    }

    public void pauseQueue(String kind, boolean pause) {
        tasks.run(() -> pause ? api.pause(kind) : api.resume(kind), q -> {
            outcome.set("Queue " + kind + (q.paused() ? " is paused." : " runs again."));
            sideReader.invalidate();
        }, this::failed);
    }

    private void runDryRun() {
        String why = reason.get() == null ? "" : reason.get().strip();
        List<UUID> ids = idsFor(pendingScope);
        if (why.length() < 3) {
            outcome.set("Say why in the reason field (at least 3 characters); it goes into the audit trail.");
            prepareCommand.finished();
            return;
        }
        if (ids != null && ids.isEmpty()) {
            outcome.set(pendingScope == Scope.ONE ? "Choose a dead letter first." : "Select dead letters first.");
            prepareCommand.finished();
            return;
        }
        Action action = pendingAction;
        Scope scope = pendingScope;
        DeadLetters.Filter filter = appliedFilter;
        tasks.run(() -> dryRun(action, ids, filter, why), counted -> {
            prepareCommand.finished();
            DryRunPlan next = new DryRunPlan(action, scope, ids, filter, why, counted.wouldRun(), counted.wouldSkip(),
                    counted.byCode());
            plan.set(next);
            outcome.set(next.summary() + (next.wouldRun() == 0 ? " There is nothing to do." : " Confirm to go on."));
        }, e -> {
            prepareCommand.finished();
            failed(e);
            outcome.set(problem().get());
        });
    }

    private record Counted(int wouldRun, int wouldSkip, Map<String, Long> byCode) {
    }

    private Counted dryRun(Action action, List<UUID> ids, DeadLetters.Filter filter, String why) {
        List<DeadLetters.Skipped> skipped;
        int run;
        if (action == Action.REPLAY) {
            DeadLetters.ReplayResult r = api.replay(ids, filter, why, true);
            run = r.replayed().size();
            skipped = r.skipped();
        } else {
            DeadLetters.DiscardResult r = api.discard(ids, filter, why, true);
            run = r.discarded().size();
            skipped = r.skipped();
        }
        return new Counted(run, skipped.size(), skipped.stream()
                .collect(Collectors.groupingBy(DeadLetters.Skipped::code, TreeMap::new, Collectors.counting())));
    }

    private void runConfirmed() {
        DryRunPlan chosen = plan.get();
        if (chosen == null || chosen.wouldRun() == 0) {
            plan.set(null);
            confirmCommand.finished();
            return;
        }
        tasks.run(() -> {
            if (chosen.action() == Action.REPLAY) {
                DeadLetters.ReplayResult r = api.replay(chosen.ids(), chosen.filter(), chosen.reason(), false);
                return "Replayed " + r.replayed().size() + ", skipped " + r.skipped().size() + ".";
            }
            DeadLetters.DiscardResult r = api.discard(chosen.ids(), chosen.filter(), chosen.reason(), false);
            return "Discarded " + r.discarded().size() + ", skipped " + r.skipped().size() + ".";
        }, done -> {
            confirmCommand.finished();
            plan.set(null);
            outcome.set(done + " The audit trail has the record.");
            selectedIds.clear();
            reload();
        }, e -> {
            confirmCommand.finished();
            failed(e);
            outcome.set(problem().get());
        });
    }

    private List<UUID> idsFor(Scope scope) {
        return switch (scope) {
            case ONE -> focused.get() == null ? List.of() : List.of(focused.get().id());
            case SELECTED -> List.copyOf(selectedIds);
            case MATCHING -> null;
        };
    }

    private void showPage(DeadLetters.Page page) {
        nextCursor = page.nextCursor();
        hasNext.set(nextCursor != null);
        if (!entries.equals(page.items())) {
            UUID keep = focused.get() == null ? null : focused.get().id();
            entries.setAll(page.items());
            if (keep != null) {
                focused.set(page.items().stream().filter(e -> e.id().equals(keep)).findFirst().orElse(null));
            }
        }
        updated(clock.instant());
    }

    private void showSide(Side side) {
        if (!audit.equals(side.audit())) {
            audit.setAll(side.audit());
        }
        if (!queues.equals(side.queues())) {
            queues.setAll(side.queues());
        }
    }

    /** The filter as typed; {@link #search()} applies it. */
    public DeadLetterFilterFields filter() {
        return filterFields;
    }

    public StringProperty reason() {
        return reason;
    }

    public ObservableList<DeadLetters.Entry> entries() {
        return entries;
    }

    /** The rows ticked in the table. */
    public ObservableList<UUID> selectedIds() {
        return selectedIds;
    }

    /** The row whose detail is shown. */
    public ObjectProperty<DeadLetters.Entry> focused() {
        return focused;
    }

    public ObservableList<DeadLetters.AuditEntry> audit() {
        return audit;
    }

    public ObservableList<DeadLetters.Queue> queues() {
        return queues;
    }

    /** The dry run waiting for its confirm, or null. */
    public ReadOnlyObjectProperty<DryRunPlan> plan() {
        return plan.getReadOnlyProperty();
    }

    /** What the last action did or why it could not, as a sentence. */
    public ReadOnlyStringProperty outcome() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageNumber() {
        return pageNumber.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNext() {
        return hasNext.getReadOnlyProperty();
    }

    /** Dead letters that arrived since the list was last reloaded by hand. */
    public ReadOnlyIntegerProperty arrivedSinceLoad() {
        return arrivedSinceLoad;
    }

    public Command prepareCommand() {
        return prepareCommand;
    }

    public Command confirmCommand() {
        return confirmCommand;
    }
}
