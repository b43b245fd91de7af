package za.voelgoed.console.shell.viewmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.LiveStatus;
import za.voelgoed.console.viewmodel.Ages;
import za.voelgoed.console.viewmodel.PageModel;

/**
 * The frame around the pages: which page shows (only that one holds subscriptions), the live
 * connection's state, the organisation, how old the newest data is, and the staleness banner: it shows
 * when the socket is down, or when neither an event nor a heartbeat came for longer than the threshold,
 * and says how old the data on screen is; it goes away by itself once the stream is back.
 */
public final class ShellViewModel {

    /** Without any frame for this long, data counts as stale even if the socket looks open. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(15);

    private final Map<PageId, PageModel> pages = new EnumMap<>(PageId.class);
    private final Clock clock;
    private final ObjectProperty<PageId> current = new SimpleObjectProperty<>();
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyObjectWrapper<LiveConnection.State> state =
            new ReadOnlyObjectWrapper<>(LiveConnection.State.CONNECTING);
    private final ReadOnlyStringWrapper dataAge = new ReadOnlyStringWrapper("no data yet");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper organisation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final AtomicReference<StateChange> stateChange = new AtomicReference<>();
    private final LiveStatus live;
    private Duration staleAfter = DEFAULT_STALE_AFTER;
    private Instant downSince;

    private record StateChange(LiveConnection.State state, String reason) {
    }

    public ShellViewModel(LiveStatus live, Clock clock) {
        this.live = live;
        this.clock = clock;
        live.addStateListener((s, reason) -> stateChange.set(new StateChange(s, reason)));
        current.addListener((o, was, now) -> {
            if (was != null && pages.containsKey(was)) {
                pages.get(was).deactivate();
            }
            if (now != null && pages.containsKey(now)) {
                pages.get(now).activate();
            }
        });
    }

    /** Adds a page; the first one added shows unless another is chosen. */
    public void register(PageId id, PageModel page) {
        pages.put(id, page);
        page.paused().bind(paused);
    }

    public PageModel page(PageId id) {
        return pages.get(id);
    }

    public ObjectProperty<PageId> current() {
        return current;
    }

    /** Holds back live updates on every page while someone reads. */
    public BooleanProperty paused() {
        return paused;
    }

    public void staleAfter(Duration threshold) {
        this.staleAfter = threshold;
    }

    public ReadOnlyStringProperty organisation() {
        return organisation.getReadOnlyProperty();
    }

    public void organisation(String name) {
        organisation.set(name);
    }

    public ReadOnlyStringProperty connection() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LiveConnection.State> state() {
        return state.getReadOnlyProperty();
    }

    /** "updated 3 s ago" for the page on screen. */
    public ReadOnlyStringProperty dataAge() {
        return dataAge.getReadOnlyProperty();
    }

    /** Why the page on screen could not update, as a sentence; empty when all is well. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stale() {
        return stale.getReadOnlyProperty();
    }

    /** The banner's sentence while {@link #stale()}. */
    public ReadOnlyStringProperty banner() {
        return banner.getReadOnlyProperty();
    }

    /** On the UI thread, ten times a second: the page's work, then the status bar and the banner. */
    public void tick(long nowMs) {
        StateChange change = stateChange.getAndSet(null);
        if (change != null) {
            state.set(change.state());
            connection.set(describe(change));
            if (change.state() == LiveConnection.State.LIVE) {
                downSince = null;
            } else if (downSince == null) {
                downSince = clock.instant();
            }
        }
        PageId showing = current.get();
        PageModel page = showing == null ? null : pages.get(showing);
        if (page != null) {
            page.tick(nowMs);
        }
        Instant now = clock.instant();
        Instant dataAt = page == null ? null : page.updatedAt().get();
        dataAge.set("updated " + Ages.since(dataAt, now));
        String pageProblem = page == null ? null : page.problem().get();
        problem.set(pageProblem == null ? "" : pageProblem);
        Instant lastFrame = live.lastFrameAt();
        boolean silent = lastFrame != null && Duration.between(lastFrame, now).compareTo(staleAfter) > 0;
        boolean down = state.get() != LiveConnection.State.LIVE;
        boolean isStale = (down && (downSince == null || Duration.between(downSince, now).toMillis() >= 1_000))
                || silent;
        stale.set(isStale);
        banner.set(isStale ? bannerText(down, dataAt, lastFrame, now) : "");
    }

    private String bannerText(boolean down, Instant dataAt, Instant lastFrame, Instant now) {
        Instant freshAt = lastFrame == null ? dataAt : lastFrame;
        String age = freshAt == null ? "no live data has arrived yet"
                : "the data on screen is " + Ages.old(freshAt, now);
        String why = down ? "The live connection to the backend is down" : "Nothing has come from the backend for "
                + Ages.old(lastFrame, now).replace(" old", "");
        return why + ": " + age + ". It clears by itself when the stream is back.";
    }

    private static String describe(StateChange change) {
        return switch (change.state()) {
            case LIVE -> "Live";
            case CONNECTING -> "Connecting…";
            case DOWN -> change.reason() == null ? "Disconnected" : change.reason();
            case CLOSED -> "Closed";
        };
    }
}
