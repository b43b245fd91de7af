package za.voelgoed.shared.event;

import java.util.List;

/** A new version of an event type that is not additive over the previous one. */
public final class IncompatibleSchemaException extends InvalidEventException {

    private final List<String> breakingChanges;

    public IncompatibleSchemaException(List<String> breakingChanges) {
        super("breaking change without a new event name: " + String.join("; ", breakingChanges));
        this.breakingChanges = List.copyOf(breakingChanges);
    }

    public List<String> breakingChanges() {
        return breakingChanges;
    }
}
