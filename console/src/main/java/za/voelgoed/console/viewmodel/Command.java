package za.voelgoed.console.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * An action a button triggers, with whether it may run now ({@link #executable()}) and whether it is
 * running; bind {@code disable} to {@code not(executable).or(running)} so a second click cannot start it
 * twice. The action calls {@link #finished()} when its background work ends.
 */
public final class Command {

    private final BooleanProperty executable = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final Runnable action;

    public Command(Runnable action) {
        this.action = action;
    }

    /** Runs the action unless it may not run or is already running; true if it started. */
    public boolean execute() {
        if (!executable.get() || running.get()) {
            return false;
        }
        running.set(true);
        try {
            action.run();
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return true;
    }

    /** Marks the action's work as done, so the command may run again. */
    public void finished() {
        running.set(false);
    }

    public BooleanProperty executable() {
        return executable;
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }
}
