package za.voelgoed.console.ui;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import za.voelgoed.console.api.Sales;

/** A drop-down of the organisation's shows bound both ways to a page's chosen show (names are plain text). */
public final class ShowPicker {

    private ShowPicker() {
    }

    public static ComboBox<Sales.Show> of(ObservableList<Sales.Show> shows, ObjectProperty<UUID> chosen, String id) {
        ComboBox<Sales.Show> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText("Pick a show");
        box.setCellFactory(v -> cell());
        box.setButtonCell(cell());
        Runnable sync = () -> {
            box.getItems().setAll(List.copyOf(shows));
            box.getSelectionModel().select(shows.stream().filter(s -> s.eventId().equals(chosen.get())).findFirst()
                    .orElse(null));
        };
        shows.addListener((ListChangeListener<Sales.Show>) c -> sync.run());
        chosen.addListener((o, was, now) -> {
            Sales.Show selected = box.getValue();
            if (now != null && (selected == null || !now.equals(selected.eventId()))) {
                sync.run();
            }
        });
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.eventId().equals(chosen.get())) {
                chosen.set(now.eventId());
            }
        });
        sync.run();
        return box;
    }

    private static ListCell<Sales.Show> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Sales.Show item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null || empty ? "Pick a show" : item.name());
            }
        };
    }
}
