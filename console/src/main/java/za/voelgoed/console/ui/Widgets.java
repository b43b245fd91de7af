package za.voelgoed.console.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small building blocks the pages share: a figure card, a section title, a spacer. */
public final class Widgets {

    private Widgets() {
    }

    /** A card with a caption and a large figure bound to {@code value}; text from the server stays plain text. */
    public static VBox figure(String caption, ObservableValue<String> value, String id) {
        Label title = new Label(caption);
        title.getStyleClass().addAll(Styles.TEXT_MUTED, "figure-caption");
        Label number = new Label();
        number.textProperty().bind(value);
        number.getStyleClass().add("figure-value");
        number.setId(id);
        VBox card = new VBox(4, title, number);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(12, 16, 12, 16));
        card.setMinWidth(150);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        return label;
    }

    public static Region grow() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox.setVgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    public static VBox panel(String title, Node content) {
        VBox box = new VBox(8, section(title), content);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(12));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** A read-only text column; cells show plain text (server text is data, never markup). */
    public static <T> javafx.scene.control.TableColumn<T, String> column(String title,
                                                                       java.util.function.Function<T, String> value) {
        javafx.scene.control.TableColumn<T, String> column = new javafx.scene.control.TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(
                value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /**
     * A read-only text column over rows that change in place: each cell follows its row's value, so a new figure
     * redraws that cell's text only, and the table keeps its cells, selection and scroll position.
     */
    public static <T> javafx.scene.control.TableColumn<za.voelgoed.console.viewmodel.LiveRow<T>, String> liveColumn(
            String title, java.util.function.Function<T, String> value) {
        javafx.scene.control.TableColumn<za.voelgoed.console.viewmodel.LiveRow<T>, String> column =
                new javafx.scene.control.TableColumn<>(title);
        column.setCellValueFactory(cell -> cell.getValue().value().map(value));
        column.setSortable(false);
        return column;
    }
}
