package za.voelgoed.console.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import za.voelgoed.console.shell.viewmodel.ConnectionViewModel;

/** The connection screen: address, token, organisation (for the admin's token), remember, connect. */
public final class ConnectionView extends StackPane {

    public ConnectionView(ConnectionViewModel model) {
        getStyleClass().add("content");
        Label title = new Label("Connect to a VoelgoedEvents backend");
        title.getStyleClass().add(Styles.TITLE_3);
        TextField url = new TextField();
        url.textProperty().bindBidirectional(model.url());
        url.setId("connect-url");
        PasswordField token = new PasswordField();
        token.textProperty().bindBidirectional(model.token());
        token.setId("connect-token");
        token.setPromptText("vg_…");
        TextField org = new TextField();
        org.textProperty().bindBidirectional(model.org());
        org.setPromptText("only with the system admin's token");
        org.setId("connect-org");
        CheckBox remember = new CheckBox("Keep the token on this computer (readable only by you)");
        remember.selectedProperty().bindBidirectional(model.rememberToken());
        Button connect = new Button("Connect");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setId("connect");
        connect.disableProperty().bind(model.connect().executable().not().or(model.connect().running()));
        connect.setOnAction(e -> model.connect().execute());
        Label problem = new Label();
        problem.textProperty().bind(model.problem());
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setId("connect-problem");

        GridPane form = new GridPane(10, 10);
        form.addRow(0, new Label("Backend"), url);
        form.addRow(1, new Label("Token"), token);
        form.addRow(2, new Label("Organisation"), org);
        url.setPrefWidth(380);
        VBox box = new VBox(16, title, form, remember, connect, problem);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(28));
        box.setMaxWidth(560);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        box.setAlignment(Pos.TOP_LEFT);
        getChildren().add(box);
    }
}
