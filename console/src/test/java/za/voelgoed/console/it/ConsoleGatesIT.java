package za.voelgoed.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import za.voelgoed.console.ConsoleApp;
import za.voelgoed.console.api.BackendClient;
import za.voelgoed.console.api.OrgApi;
import za.voelgoed.console.checkin.viewmodel.CheckInViewModel;
import za.voelgoed.console.gates.viewmodel.GatesViewModel;
import za.voelgoed.console.testing.BackendProcess;
import za.voelgoed.console.testing.ConsoleFixtures;
import za.voelgoed.console.testing.OnFx;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;
import za.voelgoed.testing.Api;

/**
 * The gates page and the check-in desk, headless under Monocle, against a real backend process and payment
 * simulator: a scan made through the REST API by a gate's scanner shows on the gates page (accepted count, the
 * gate's row); at the desk a code typed and Enter is admitted (green), the same code again is refused as already
 * admitted with the first admission's gate, and a ticket found by its order id is checked in with one click. The
 * desk opens its scan session with its first scan, not before, and the console closes it when it exits; the
 * double-admission export saves the backend's own CSV.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleGatesIT {

    static BackendProcess backend;
    static ConsoleFixtures fixtures;
    static ConsoleFixtures.Org org;
    static ConsoleFixtures.Show show;
    static ConsoleFixtures.Sale pair;
    static ConsoleFixtures.Sale single;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        backend = BackendProcess.start();
        fixtures = new ConsoleFixtures(backend);
        org = fixtures.createOrg("Console gates IT");
        show = fixtures.createShow(org, "Gate night");
        pair = fixtures.sell(org, show, "ga", 2);
        single = fixtures.sell(org, show, "early", 1);
        Path home = Files.createTempDirectory("console-home");
        System.setProperty("voelgoed.console.home", home.toString());
        System.setProperty("voelgoed.console.prefs", "/za/voelgoed/console-it/" + UUID.randomUUID());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--backend", backend.baseUrl(), "--token",
                org.ownerToken(), "--page", "gates");
        waitUntil("the gates page of the show", Duration.ofSeconds(30),
                () -> text("#gates-accepted").equals("0") && text("#gates-title").equals("Gate night"));
    }

    @Test
    @Order(0)
    void aConsoleThatNeverShowsTheDeskOpensNoSession() {
        assertThat(deskSessions()).isEmpty();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
                FxToolkit.cleanupStages();
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    @Test
    @Order(1)
    void aScanThroughTheApiShowsOnTheGatesPage() throws Exception {
        String scanner = fixtures.deviceToken(org, "North scanner");
        UUID session = fixtures.openScanSession(org, show, "North", scanner);
        assertThat(fixtures.scan(org, session, pair.codes().get(0), scanner)).isEqualTo("ok");
        assertThat(fixtures.scan(org, session, "not a ticket", scanner)).isEqualTo("invalid");
        waitUntil("the scans on the gates page", Duration.ofSeconds(5),
                () -> text("#gates-accepted").equals("1") && text("#gates-rejected").equals("1"));
        assertThat(text("#gates-inside")).isEqualTo("1");
        TableView<?> gates = robot.lookup("#gates-table").queryAs(TableView.class);
        waitUntil("the gate's row", Duration.ofSeconds(5), () -> gates.getItems().size() == 1);
        assertThat(gates.getItems().getFirst().toString()).contains("gate=North", "accepted=1", "rejected=1");
        assertThat(robot.lookup("#gates-reasons").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#gates-devices").queryAs(TableView.class).getItems()).hasSize(1);
    }

    @Test
    @Order(2)
    void theDeskAdmitsATypedCodeThenRefusesItAsAlreadyAdmitted() throws Exception {
        robot.clickOn("#nav-check-in");
        ComboBox<?> shows = robot.lookup("#checkin-show-picker").queryAs(ComboBox.class);
        waitUntil("the shows in the picker", Duration.ofSeconds(10), () -> !shows.getItems().isEmpty());
        robot.interact(() -> shows.getSelectionModel().select(0));
        waitUntil("the desk ready for the show", Duration.ofSeconds(10),
                () -> text("#checkin-session").startsWith("Ready"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // an eager session would have opened by now
        assertThat(deskSessions()).as("shown with a show picked, the desk has opened no session yet").isEmpty();
        TextField field = robot.lookup("#checkin-code").queryAs(TextField.class);
        waitUntil("the cursor in the scan field", Duration.ofSeconds(5), field::isFocused);

        String code = pair.codes().get(1);
        robot.write(code);
        robot.type(KeyCode.ENTER);
        waitUntil("the admission", Duration.ofSeconds(10), () -> text("#checkin-headline").equals("Admitted"));
        assertThat(text("#checkin-session")).isEqualTo("Scanning at Check-in desk (entry).");
        assertThat(deskSessions()).as("the first scan opened the desk's session").hasSize(1);
        assertThat(deskSessions().getFirst().hasNonNull("closed_at")).as("open").isFalse();
        assertThat(text("#checkin-ticket")).isEqualTo("ga");
        assertThat(field.getText()).isEmpty();
        assertThat(robot.lookup("#checkin-verdict").query().getStyleClass()).contains("verdict-admitted");
        waitUntil("the cursor back in the scan field", Duration.ofSeconds(5), field::isFocused);

        robot.write(code);
        robot.type(KeyCode.ENTER);
        waitUntil("the refusal", Duration.ofSeconds(10), () -> text("#checkin-headline").equals("Already admitted"));
        assertThat(text("#checkin-detail")).startsWith("First admitted at ").endsWith(" at Check-in desk.");
        assertThat(robot.lookup("#checkin-verdict").query().getStyleClass()).contains("verdict-refused");
        assertThat(robot.lookup("#checkin-history").queryListView().getItems()).hasSize(2);
    }

    @Test
    @Order(3)
    void aTicketFoundByItsOrderIdIsCheckedInWithOneClick() throws Exception {
        TextField search = robot.lookup("#checkin-search").queryAs(TextField.class);
        robot.interact(() -> search.setText(single.orderId().toString()));
        robot.clickOn("#checkin-find");
        TableView<?> matches = robot.lookup("#checkin-matches").queryAs(TableView.class);
        waitUntil("the order's ticket", Duration.ofSeconds(10), () -> matches.getItems().size() == 1);
        Button checkIn = robot.lookup("#checkin-matches .button").queryAs(Button.class);
        robot.clickOn(checkIn);
        waitUntil("the admission", Duration.ofSeconds(10), () -> text("#checkin-headline").equals("Admitted"));
        assertThat(text("#checkin-ticket")).isEqualTo("early");
        TextField field = robot.lookup("#checkin-code").queryAs(TextField.class);
        waitUntil("the cursor back in the scan field after the click", Duration.ofSeconds(5), field::isFocused);
        waitUntil("the admission time in the list", Duration.ofSeconds(10),
                () -> matches.getItems().size() == 1 && matches.getItems().getFirst().toString().contains("admittedAt=2"));

        robot.clickOn("#nav-gates");
        waitUntil("the desk's admissions on the gates page", Duration.ofSeconds(10),
                () -> text("#gates-accepted").equals("3") && text("#gates-rejected").equals("2"));
        assertThat(robot.lookup("#gates-table").queryAs(TableView.class).getItems()).hasSize(2);
    }

    @Test
    @Order(4)
    void anOfflineDoubleAdmissionShowsInTheReportOfTheGatesPage() throws Exception {
        String scanner = fixtures.deviceToken(org, "Offline scanner");
        UUID session = fixtures.openScanSession(org, show, "East", scanner);
        var answer = fixtures.uploadOffline(org, session, pair.codes().get(0), scanner);
        assertThat(answer.path("result").asText()).isEqualTo("already_redeemed");
        assertThat(answer.path("conflict").asBoolean()).isTrue();
        waitUntil("the double admission in the report", Duration.ofSeconds(10),
                () -> OnFx.read(() -> robot.lookup("#gates-conflicts").queryAs(TableView.class).getItems().size()) == 1);
        assertThat(OnFx.read(() -> robot.lookup("#gates-conflicts").queryAs(TableView.class).getItems().getFirst()
                .toString())).contains("East");
    }

    @Test
    @Order(5)
    void theExportSavesTheBackendsCsvOfTheReport(@TempDir Path dir) throws Exception {
        // the page's model over the real REST API, as a viewer: the file dialog cannot be driven headless
        OrgApi api = new OrgApi(new BackendClient(URI.create(backend.baseUrl()), org.viewerToken()), org.id());
        GatesViewModel model = new GatesViewModel(Tasks.direct(), new FakeTopics(), org.id(),
                GatesViewModel.Source.of(api), Clock.systemUTC());
        model.selectedShow().set(show.id());
        model.activate();
        model.tick(System.currentTimeMillis());
        assertThat(model.conflicts()).hasSize(1);
        Path file = dir.resolve("double-admissions.csv");

        assertThat(model.exportConflicts(file)).isTrue();

        Api.Response csv = fixtures.as(org.viewerToken()).get("/api/orgs/" + org.id()
                + "/scanning/conflicts.csv?event_id=" + show.id());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("ticket_id,");
        assertThat(Files.readString(file)).isEqualTo(csv.body());
        assertThat(model.exportOutcome().get()).isEqualTo("Saved 1 double admission to double-admissions.csv.");
    }

    @Test
    @Order(6)
    void closingTheConsoleClosesTheDesksSession() throws Exception {
        assertThat(deskSessions()).hasSize(1);
        FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.cleanupStages();
        assertThat(deskSessions()).singleElement().satisfies(s -> assertThat(s.hasNonNull("closed_at"))
                .as("closed when the console exits: %s", s).isTrue());
    }

    /** The check-in desk's scan sessions of the show at the backend, open or closed. */
    private static List<JsonNode> deskSessions() {
        Api.Response answer = fixtures.as(org.ownerToken()).get("/api/orgs/" + org.id()
                + "/scanning/sessions?event_id=" + show.id());
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> desk = new ArrayList<>();
        answer.json().path("items").forEach(s -> {
            if (s.path("gate").asText().equals(CheckInViewModel.GATE)) {
                desk.add(s);
            }
        });
        return desk;
    }

    private static String text(String query) {
        return OnFx.read(() -> robot.lookup(query).tryQuery().orElse(null) instanceof Label label
                ? String.valueOf(label.getText()) : "");
    }

    private static void waitUntil(String what, Duration timeout, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                    + "; backend log:\n" + backend.logTail(30));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
