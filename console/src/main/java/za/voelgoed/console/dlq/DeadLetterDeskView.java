package za.voelgoed.console.dlq;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import za.voelgoed.console.api.DeadLetters;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDeskViewModel;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDeskViewModel.Action;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDeskViewModel.Scope;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDetail;
import za.voelgoed.console.ui.Widgets;

/**
 * The dead-letter desk: filters, the paged list, the detail of the chosen entry, the actions (dry run,
 * then confirm) and, in tabs, the audit trail and the queues with their pause switches.
 */
public final class DeadLetterDeskView extends BorderPane {

    private static final DeadLetterDetail DETAIL = new DeadLetterDetail(ZoneId.systemDefault());

    private final DeadLetterDeskViewModel model;
    private final boolean mayWrite;

    public DeadLetterDeskView(DeadLetterDeskViewModel model, boolean mayWrite) {
        this.model = model;
        this.mayWrite = mayWrite;
        getStyleClass().add("content");
        setPadding(new Insets(16));
        setTop(new VBox(10, title(), filters()));
        TabPane tabs = new TabPane(new Tab("Dead letters", letters()), new Tab("Audit trail", auditTable()),
                new Tab("Queues", queues()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dlq-tabs");
        setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(10, 0, 0, 0));
    }

    private HBox title() {
        Label badge = new Label();
        badge.getStyleClass().add("new-badge");
        badge.setId("new-dead-letters");
        badge.textProperty().bind(Bindings.createStringBinding(() -> model.arrivedSinceLoad().get() == 1
                ? "1 new" : model.arrivedSinceLoad().get() + " new", model.arrivedSinceLoad()));
        badge.visibleProperty().bind(model.arrivedSinceLoad().greaterThan(0));
        Button reload = new Button("Reload");
        reload.setId("dlq-reload");
        reload.setOnAction(e -> model.reload());
        HBox box = new HBox(10, Widgets.section("Dead letters"), badge, Widgets.grow(), reload);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private javafx.scene.layout.FlowPane filters() {
        TextField queue = field("queue (payments, …)", model.filter().queue(), "filter-queue", 150);
        TextField type = field("event type", model.filter().eventType(), "filter-event-type", 170);
        TextField worker = field("worker", model.filter().worker(), "filter-worker", 150);
        TextField since = field("since 2026-12-01T18:00:00Z", model.filter().since(), "filter-since", 200);
        TextField until = field("until", model.filter().until(), "filter-until", 200);
        ComboBox<String> status = new ComboBox<>();
        status.getItems().setAll("dead", "replayed", "discarded", "all");
        status.valueProperty().bindBidirectional(model.filter().status());
        status.setId("filter-status");
        Button search = new Button("Search");
        search.setDefaultButton(true);
        search.getStyleClass().add(Styles.ACCENT);
        search.setId("dlq-search");
        search.setOnAction(e -> model.search());
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(8, 8, queue, type, worker, since, until,
                status, search);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> TableColumn<T, String> sized(TableColumn<T, String> column, double width, double least) {
        column.setPrefWidth(width);
        column.setMinWidth(least);
        return column;
    }

    private static TextField field(String prompt, javafx.beans.property.StringProperty value, String id, double width) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        f.setId(id);
        f.setPrefWidth(width);
        return f;
    }

    private VBox letters() {
        TableView<DeadLetters.Entry> table = new TableView<>(model.entries());
        table.setId("dead-letters");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // sized so a 1280×800 window shows the whole time and most of each name: the narrow figures give way
        table.getColumns().setAll(List.of(
                sized(Widgets.column("Died", e -> e.deadAt() == null ? "" : DETAIL.when(e.deadAt())), 125, 125),
                sized(Widgets.column("Queue", e -> DeadLetterDetail.queueKind(e.sourceQueue())), 80, 60),
                sized(Widgets.column("Event type", DeadLetters.Entry::eventType), 140, 80),
                sized(Widgets.column("Worker", DeadLetters.Entry::worker), 125, 80),
                sized(Widgets.column("Attempts", e -> Integer.toString(e.attempts())), 85, 85),
                sized(Widgets.column("Status", DeadLetters.Entry::status), 70, 60)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No dead letters match. All jobs ran."));
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<DeadLetters.Entry>) c -> model.selectedIds().setAll(
                        table.getSelectionModel().getSelectedItems().stream()
                                .filter(java.util.Objects::nonNull).map(DeadLetters.Entry::id).toList()));
        // the detail is never empty while there is something to show
        model.entries().addListener((javafx.collections.ListChangeListener<DeadLetters.Entry>) c -> {
            if (table.getSelectionModel().isEmpty() && !model.entries().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.focused().set(now);
            }
        });

        Button previous = new Button("‹ Previous");
        previous.disableProperty().bind(model.pageNumber().lessThanOrEqualTo(1));
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button("Next ›");
        next.setId("dlq-next");
        next.disableProperty().bind(model.hasNext().not());
        next.setOnAction(e -> model.nextPage());
        Label page = new Label();
        page.textProperty().bind(Bindings.concat("Page ", model.pageNumber().asString()));
        HBox paging = new HBox(8, previous, page, next);
        paging.setAlignment(Pos.CENTER_LEFT);
        VBox list = new VBox(8, table, paging);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.getStyleClass().add("detail");
        detail.setId("dlq-detail");
        detail.setPromptText("Choose a dead letter to see its args and every attempt's error.");
        model.focused().addListener((o, was, now) -> detail.setText(now == null ? "" : DETAIL.describe(now)));
        SplitPane split = new SplitPane(list, Widgets.panel("Detail", detail));
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(10, split, actions());
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private VBox actions() {
        TextField reason = new TextField();
        reason.setPromptText("Reason (kept in the audit trail)");
        reason.textProperty().bindBidirectional(model.reason());
        reason.setId("dlq-reason");
        reason.setPrefWidth(320);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, reason,
                action("Replay this", Action.REPLAY, Scope.ONE, "replay-one"),
                action("Replay selected", Action.REPLAY, Scope.SELECTED, "replay-selected"),
                action("Replay all matching…", Action.REPLAY, Scope.MATCHING, "replay-matching"),
                action("Discard this", Action.DISCARD, Scope.ONE, "discard-one"),
                action("Discard selected", Action.DISCARD, Scope.SELECTED, "discard-selected"),
                action("Discard all matching…", Action.DISCARD, Scope.MATCHING, "discard-matching"));
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label plan = new Label();
        plan.setWrapText(true);
        plan.textProperty().bind(Bindings.createStringBinding(() -> model.plan().get() == null ? ""
                : "Dry run: " + model.plan().get().summary(), model.plan()));
        plan.setId("dlq-plan");
        Button confirm = new Button("Confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setId("dlq-confirm");
        confirm.disableProperty().bind(model.confirmCommand().executable().not()
                .or(model.confirmCommand().running()));
        confirm.setOnAction(e -> model.confirm());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        HBox planBox = new HBox(10, plan, Widgets.grow(), confirm, cancel);
        planBox.getStyleClass().add("plan");
        planBox.setAlignment(Pos.CENTER_LEFT);
        planBox.visibleProperty().bind(model.plan().isNotNull());
        planBox.managedProperty().bind(planBox.visibleProperty());

        Label outcome = new Label();
        outcome.textProperty().bind(model.outcome());
        outcome.setWrapText(true);
        outcome.setId("dlq-outcome");
        VBox box = new VBox(8, buttons, planBox, outcome);
        box.setDisable(!mayWrite);
        return box;
    }

    private Button action(String text, Action action, Scope scope, String id) {
        Button button = new Button(text);
        button.setId(id);
        if (action == Action.DISCARD) {
            button.getStyleClass().add(Styles.BUTTON_OUTLINED);
        }
        button.disableProperty().bind(model.prepareCommand().running());
        button.setOnAction(e -> model.prepare(action, scope));
        return button;
    }

    private TableView<DeadLetters.AuditEntry> auditTable() {
        TableView<DeadLetters.AuditEntry> table = new TableView<>(model.audit());
        table.setId("dlq-audit");
        table.getColumns().setAll(List.of(
                Widgets.column("When", a -> a.at() == null ? "" : DETAIL.when(a.at())),
                Widgets.column("Action", DeadLetters.AuditEntry::action),
                Widgets.column("Who", DeadLetters.AuditEntry::actor),
                Widgets.column("Reason", DeadLetters.AuditEntry::reason),
                Widgets.column("Event type", DeadLetters.AuditEntry::eventType),
                Widgets.column("Dead letter", a -> a.deadLetterId() == null ? "" : a.deadLetterId().toString())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing has been done to dead letters yet."));
        return table;
    }

    private TableView<DeadLetters.Queue> queues() {
        TableView<DeadLetters.Queue> table = new TableView<>(model.queues());
        table.setId("dlq-queues");
        TableColumn<DeadLetters.Queue, String> toggle = Widgets.column("", q -> q.paused() ? "Resume" : "Pause");
        toggle.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                DeadLetters.Queue queue = empty ? null : getTableRow().getItem();
                if (queue == null) {
                    setGraphic(null);
                    return;
                }
                button.setText(text);
                button.setDisable(!mayWrite);
                button.setOnAction(e -> model.pauseQueue(queue.kind(), !queue.paused()));
                setGraphic(button);
            }
        });
        table.getColumns().setAll(List.of(
                Widgets.column("Queue", DeadLetters.Queue::kind),
                Widgets.column("State", q -> q.paused() ? "paused" : "running"),
                Widgets.column("Waiting", q -> Long.toString(q.waiting())),
                Widgets.column("Counts", q -> new java.util.TreeMap<>(q.counts()).toString()),
                toggle));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }
}
