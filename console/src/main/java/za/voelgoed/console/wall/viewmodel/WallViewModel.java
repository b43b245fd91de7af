package za.voelgoed.console.wall.viewmodel;

import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The wall's rotation: which of its pages shows, moving on every {@link #interval()} unless rotation is
 * held (a person walked up to read it). Time comes in through {@link #tick(long)}, so tests drive it.
 */
public final class WallViewModel {

    private int pageCount;
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>(Duration.ofSeconds(20));
    private final BooleanProperty holding = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private long shownSinceMs = -1;

    public WallViewModel(int pageCount) {
        if (pageCount < 1) {
            throw new IllegalArgumentException("a wall needs at least one page");
        }
        this.pageCount = pageCount;
    }

    public void tick(long nowMs) {
        if (shownSinceMs < 0 || holding.get()) {
            shownSinceMs = nowMs;
            return;
        }
        if (nowMs - shownSinceMs >= interval.get().toMillis()) {
            page.set((page.get() + 1) % pageCount);
            shownSinceMs = nowMs;
        }
    }

    /**
     * The wall has {@code count} pages now (gates pages come and go with gates); a page that went shows the first
     * page, afresh.
     */
    public void pages(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a wall needs at least one page");
        }
        pageCount = count;
        if (page.get() >= count) {
            page.set(0);
            shownSinceMs = -1;
        }
    }

    public int pageCount() {
        return pageCount;
    }

    /** Shows page {@code index} (of the command line's choice) without waiting for the rotation. */
    public void show(int index) {
        if (index < 0 || index >= pageCount) {
            throw new IllegalArgumentException("the wall has pages 0 to " + (pageCount - 1));
        }
        page.set(index);
        shownSinceMs = -1;
    }

    /** Shows the next page now (a key press), and starts its interval afresh. */
    public void next(long nowMs) {
        page.set((page.get() + 1) % pageCount);
        shownSinceMs = nowMs;
    }

    public ReadOnlyIntegerProperty page() {
        return page.getReadOnlyProperty();
    }

    public ObjectProperty<Duration> interval() {
        return interval;
    }

    public BooleanProperty holding() {
        return holding;
    }
}
