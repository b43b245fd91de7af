package za.voelgoed.console.checkin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.checkin.viewmodel.CheckInViewModel;
import za.voelgoed.console.checkin.viewmodel.Verdict;
import za.voelgoed.console.ui.ShowPicker;
import za.voelgoed.console.ui.Widgets;

/**
 * The check-in desk: the scan field (a USB scanner types the code and Enter), the last answer large and in its
 * colour, the answers before it, and a search by order id, name or e-mail with "Check in" per ticket. The cursor
 * goes back to the scan field after every answer and after a click anywhere but a field that takes typing.
 */
public final class CheckInView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<String> TONES = List.of("verdict-admitted", "verdict-refused", "verdict-check",
            "verdict-problem", "verdict-none");

    private final CheckInViewModel model;
    private final TextField code = new TextField();

    public CheckInView(CheckInViewModel model) {
        this.model = model;
        getStyleClass().add("content");
        setPadding(new Insets(16));
        setTop(header());
        HBox body = new HBox(16, scanColumn(), searchColumn());
        body.setPadding(new Insets(12, 0, 0, 0));
        setCenter(body);
        model.focusRequests().addListener((o, was, now) -> Platform.runLater(code::requestFocus));
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (CheckInViewModel.returnFocusAfterClick(takesTyping(e.getPickResult().getIntersectedNode()))) {
                Platform.runLater(code::requestFocus);
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                Platform.runLater(code::requestFocus);
            }
        });
    }

    private VBox header() {
        Label title = Widgets.section("Check-in desk");
        Label session = new Label();
        session.textProperty().bind(model.sessionNote());
        session.getStyleClass().add("text-muted");
        session.setId("checkin-session");
        HBox row = new HBox(12, title, Widgets.grow(), new Label("Show"),
                ShowPicker.of(model.shows(), model.selectedShow(), "checkin-show-picker"));
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, session);
    }

    private VBox scanColumn() {
        code.setId("checkin-code");
        code.setPromptText("Scan a ticket, or type its code and press Enter");
        code.getStyleClass().add("scan-field");
        code.textProperty().bindBidirectional(model.code());
        code.setOnAction(e -> model.submitScan());

        Label headline = new Label("Ready");
        headline.setId("checkin-headline");
        headline.getStyleClass().add("verdict-headline");
        Label detail = new Label("Scan the first ticket.");
        detail.setId("checkin-detail");
        detail.getStyleClass().add("verdict-detail");
        detail.setWrapText(true);
        Label ticket = new Label();
        ticket.setId("checkin-ticket");
        ticket.getStyleClass().add("verdict-detail");
        VBox verdict = new VBox(8, headline, detail, ticket);
        verdict.setId("checkin-verdict");
        verdict.getStyleClass().addAll("verdict", "verdict-none");
        verdict.setPadding(new Insets(20, 24, 20, 24));
        verdict.setMinHeight(170);
        model.verdict().addListener((o, was, now) -> {
            headline.setText(now.headline());
            detail.setText(now.detail());
            ticket.setText(now.ticket());
            verdict.getStyleClass().removeAll(TONES);
            verdict.getStyleClass().add("verdict-" + now.tone().name().toLowerCase(Locale.ROOT));
        });

        ListView<Verdict> history = new ListView<>(model.history());
        history.setId("checkin-history");
        history.setFocusTraversable(false);
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Verdict item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(TONES);
                if (item == null || empty) {
                    setText(null);
                    return;
                }
                setText(TIME.format(item.at()) + "   " + item.headline()
                        + (item.ticket().isEmpty() ? "" : "   " + item.ticket()));
                getStyleClass().add("verdict-" + item.tone().name().toLowerCase(Locale.ROOT));
            }
        });
        history.setPlaceholder(new Label("No scans yet."));
        VBox historyPanel = Widgets.panel("Last answers", history);
        Label hint = new Label("Scan a ticket, or type its code and press Enter");
        hint.setLabelFor(code);
        hint.getStyleClass().add("text-muted");
        VBox column = new VBox(12, new VBox(4, hint, code), verdict, historyPanel);
        VBox.setVgrow(historyPanel, Priority.ALWAYS);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private VBox searchColumn() {
        TextField query = new TextField();
        query.setId("checkin-search");
        query.setPromptText("Order id, name or e-mail");
        query.textProperty().bindBidirectional(model.query());
        query.setOnAction(e -> model.search().execute());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button find = new Button("Find");
        find.setId("checkin-find");
        find.setFocusTraversable(false);
        find.disableProperty().bind(model.search().executable().not().or(model.search().running()));
        find.setOnAction(e -> model.search().execute());
        Label note = new Label();
        note.textProperty().bind(model.searchNote());
        note.setId("checkin-search-note");
        note.setWrapText(true);

        TableView<Scanning.TicketMatch> table = new TableView<>(model.matches());
        table.setId("checkin-matches");
        table.setFocusTraversable(false);
        TableColumn<Scanning.TicketMatch, Scanning.TicketMatch> action = new TableColumn<>("");
        action.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        action.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button("Check in");

            {
                button.setFocusTraversable(false);
                button.getStyleClass().add("small");
                button.setOnAction(e -> model.checkIn(getItem()));
            }

            @Override
            protected void updateItem(Scanning.TicketMatch item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(item == null || empty ? null : button);
            }
        });
        action.setSortable(false);
        action.setPrefWidth(90);
        table.getColumns().setAll(List.of(
                Widgets.column("Customer", Scanning.TicketMatch::customerName),
                Widgets.column("Ticket", m -> m.ticketType() + (m.seatIndex() == null ? "" : " · seat " + m.seatIndex())),
                Widgets.column("Status", m -> m.admittedAt() != null ? "in since " + TIME.format(m.admittedAt())
                        : m.status()),
                action));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Search for a ticket that will not scan."));
        VBox panel = Widgets.panel("Find a ticket", new VBox(8, new HBox(8, query, find), note, table));
        VBox.setVgrow(table, Priority.ALWAYS);
        panel.setPrefWidth(470);
        panel.setMinWidth(400);
        return panel;
    }

    /** Whether a click on this node should keep the cursor where it went (a field, a drop-down). */
    private static boolean takesTyping(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }
}
