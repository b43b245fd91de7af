package za.voelgoed.console.viewmodel;

import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What every page's ViewModel has: it holds live subscriptions only while its page is showing
 * ({@link #activate()}/{@link #deactivate()}: a wall monitor runs for days and a hidden page must hold
 * nothing), it does its UI work at the shell's pulse ({@link #tick(long)}, at most ten times a second),
 * it can be paused while someone reads, and it says when its data was last updated and what went wrong.
 */
public abstract class PageModel {

    private final ReadOnlyObjectWrapper<Instant> updatedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private long redraws;

    /** Starts listening and loads the page's data. */
    public abstract void activate();

    /** Lets go of every subscription; the page keeps what it shows. */
    public abstract void deactivate();

    /** On the UI thread at the shell's pulse: apply what arrived, start reads that are due. */
    public abstract void tick(long nowMs);

    /** When the data on the page was last brought up to date; null before the first load. */
    public ReadOnlyObjectProperty<Instant> updatedAt() {
        return updatedAt.getReadOnlyProperty();
    }

    /** True once the page has shown real data (the screenshot waits for it). */
    public ReadOnlyBooleanProperty loaded() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the page could not update, as a sentence; null when all is well. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** While true, live updates are held back (and not lost: the page catches up on resume). */
    public BooleanProperty paused() {
        return paused;
    }

    /** How many times the page has changed what it shows (the bench checks at most ten a second). */
    public long redraws() {
        return redraws;
    }

    protected void updated(Instant at) {
        redraws++;
        updatedAt.set(at);
        loaded.set(true);
        problem.set(null);
    }

    protected void failed(Exception e) {
        problem.set(Problems.sentence(e));
    }
}
