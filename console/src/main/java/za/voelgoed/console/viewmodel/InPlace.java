package za.voelgoed.console.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Brings a page's observable lists up to date with the fewest changes a table or list can see, instead of
 * {@code setAll} on every read: a table told that its items were replaced rebuilds every cell (new nodes, CSS
 * from scratch, a full layout), which on a live page ten times a second is most of the FX thread's work.
 */
public final class InPlace {

    private InPlace() {
    }

    /**
     * Rows keyed by {@code key}: while the keys are the same, in the same order, each row takes its new value in
     * place and the list itself does not change. When shows come or go (or move), the list is set once, keeping
     * the row objects of the keys that stay (so a table's selection of such a row still finds it).
     */
    public static <T, K> void rows(ObservableList<LiveRow<T>> rows, List<T> next, Function<? super T, K> key) {
        if (sameKeys(rows, next, key)) {
            for (int i = 0; i < next.size(); i++) {
                rows.get(i).set(next.get(i));
            }
            return;
        }
        Map<K, LiveRow<T>> old = new HashMap<>();
        rows.forEach(r -> old.putIfAbsent(key.apply(r.get()), r));
        List<LiveRow<T>> rebuilt = new ArrayList<>(next.size());
        for (T item : next) {
            LiveRow<T> row = old.remove(key.apply(item));
            if (row == null) {
                row = new LiveRow<>(item);
            } else {
                row.set(item);
            }
            rebuilt.add(row);
        }
        rows.setAll(rebuilt);
    }

    /**
     * Rows by position, for a display without identity (a ranking that re-sorts on every read): the first rows take
     * the new values in place, and only rows beyond the old or new length are added or removed.
     */
    public static <T> void positions(ObservableList<LiveRow<T>> rows, List<T> next) {
        int common = Math.min(rows.size(), next.size());
        for (int i = 0; i < common; i++) {
            rows.get(i).set(next.get(i));
        }
        if (rows.size() > next.size()) {
            rows.remove(next.size(), rows.size());
        } else if (next.size() > rows.size()) {
            rows.addAll(next.subList(common, next.size()).stream().map(LiveRow::new).toList());
        }
    }

    private static <T, K> boolean sameKeys(List<LiveRow<T>> rows, List<T> next, Function<? super T, K> key) {
        if (rows.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!Objects.equals(key.apply(rows.get(i).get()), key.apply(next.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A feed, newest first, whose entries never change once shown (sales, scans): the entries new at the head
     * are inserted and those that fell off the end removed, so a table moves its rows down instead of making
     * them all again. Anything else (a reordering, a gap) sets the list as before.
     */
    public static <T> void feed(ObservableList<T> list, List<T> next) {
        if (list.equals(next)) {
            return;
        }
        int fresh = list.isEmpty() ? -1 : next.indexOf(list.getFirst());
        int kept = next.size() - fresh;
        if (fresh < 0 || kept > list.size() || !list.subList(0, kept).equals(next.subList(fresh, next.size()))) {
            list.setAll(next);
            return;
        }
        if (kept < list.size()) {
            list.remove(kept, list.size());
        }
        if (fresh > 0) {
            list.addAll(0, next.subList(0, fresh));
        }
    }
}
