package za.voelgoed.console.viewmodel;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of a live table that keeps its identity while its figures change: a table over such rows is never told
 * that its items changed when only a number did, so it keeps its cells (and their CSS), its selection and its
 * scroll position, and a cell bound to {@link #value()} redraws only the text that changed. (A table told that an
 * item was replaced throws every cell away and makes new ones, each styled from scratch.)
 */
public final class LiveRow<T> {

    private final ReadOnlyObjectWrapper<T> value;

    public LiveRow(T value) {
        this.value = new ReadOnlyObjectWrapper<>(value);
    }

    public T get() {
        return value.get();
    }

    public ReadOnlyObjectProperty<T> value() {
        return value.getReadOnlyProperty();
    }

    /** Sets the row's value; an equal value changes nothing and tells no one. */
    void set(T next) {
        if (!Objects.equals(value.get(), next)) {
            value.set(next);
        }
    }

    @Override
    public String toString() {
        return "LiveRow[" + value.get() + "]";
    }
}
