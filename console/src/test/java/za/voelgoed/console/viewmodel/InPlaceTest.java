package za.voelgoed.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Lists brought up to date in place: what a table over them is told (nothing, an insert, a trim, or a reset). */
class InPlaceTest {

    record Item(String id, long n) {
    }

    private final List<String> changes = new ArrayList<>();

    private <T> ObservableList<T> watched(ObservableList<T> list) {
        list.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replaced" : c.wasAdded() ? "added " + c.getAddedSize()
                        : c.wasRemoved() ? "removed " + c.getRemovedSize() : "other");
            }
        });
        return list;
    }

    @Test
    void rowsWithTheSameKeysTakeNewFiguresWithoutTheListChanging() {
        ObservableList<LiveRow<Item>> rows = FXCollections.observableArrayList();
        InPlace.rows(rows, List.of(new Item("a", 1), new Item("b", 2)), Item::id);
        List<LiveRow<Item>> before = List.copyOf(rows);
        watched(rows);
        List<Item> seen = new ArrayList<>();
        rows.get(1).value().addListener((o, was, now) -> seen.add(now));

        InPlace.rows(rows, List.of(new Item("a", 1), new Item("b", 5)), Item::id);

        assertThat(changes).isEmpty();
        assertThat(rows).containsExactlyElementsOf(before); // the same row objects: a table keeps its cells
        assertThat(rows).extracting(LiveRow::get).containsExactly(new Item("a", 1), new Item("b", 5));
        assertThat(seen).containsExactly(new Item("b", 5)); // only the row whose figures changed says so
    }

    @Test
    void aNewKeyResetsTheListOnceAndKeepsTheRowsThatStay() {
        ObservableList<LiveRow<Item>> rows = FXCollections.observableArrayList();
        InPlace.rows(rows, List.of(new Item("a", 1), new Item("b", 2)), Item::id);
        LiveRow<Item> b = rows.get(1);
        watched(rows);

        InPlace.rows(rows, List.of(new Item("c", 3), new Item("b", 4)), Item::id);

        assertThat(changes).containsExactly("replaced");
        assertThat(rows).extracting(LiveRow::get).containsExactly(new Item("c", 3), new Item("b", 4));
        assertThat(rows.get(1)).isSameAs(b);
        InPlace.rows(rows, List.of(), Item::id);
        assertThat(rows).isEmpty();
    }

    @Test
    void aFeedInsertsNewEntriesAtTheHeadAndTrimsTheTail() {
        ObservableList<String> feed = watched(FXCollections.observableArrayList("c", "b", "a"));

        InPlace.feed(feed, List.of("e", "d", "c"));

        assertThat(feed).containsExactly("e", "d", "c");
        assertThat(changes).containsExactly("removed 2", "added 2");
        changes.clear();
        InPlace.feed(feed, List.of("f", "e", "d", "c"));
        assertThat(feed).containsExactly("f", "e", "d", "c");
        assertThat(changes).containsExactly("added 1");
        changes.clear();
        InPlace.feed(feed, List.of("f", "e", "d", "c"));
        assertThat(changes).isEmpty();
    }

    @Test
    void aFeedThatIsNotTheOldOneWithNewEntriesOnTopIsSetAsItCame() {
        ObservableList<String> feed = watched(FXCollections.observableArrayList("c", "b", "a"));

        InPlace.feed(feed, List.of("b", "c", "d")); // the old head is there, but not followed by what followed it
        assertThat(feed).containsExactly("b", "c", "d");
        InPlace.feed(feed, List.of("x"));
        assertThat(feed).containsExactly("x");
        InPlace.feed(feed, List.of());
        assertThat(feed).isEmpty();
        InPlace.feed(feed, List.of("y"));
        assertThat(feed).containsExactly("y");
        assertThat(changes).containsExactly("replaced", "replaced", "removed 1", "added 1");
    }
}
