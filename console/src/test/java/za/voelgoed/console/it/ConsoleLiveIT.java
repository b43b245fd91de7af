package za.voelgoed.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import za.voelgoed.console.ConsoleApp;
import za.voelgoed.console.testing.BackendProcess;
import za.voelgoed.console.testing.ConsoleFixtures;
import za.voelgoed.console.testing.OnFx;

/**
 * The console, headless under Monocle, against a real backend process and payment simulator: a sale
 * made through the REST API shows on the sales page within a second; a dead letter made by a failing
 * capture appears on the desk and a bulk replay by filter (dry run, confirm) re-runs it and writes the
 * audit row; killing the backend shows the staleness banner, restarting it clears the banner, and the
 * numbers are those of the backend again — no gap, no double count.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLiveIT {

    static BackendProcess backend;
    static ConsoleFixtures fixtures;
    static ConsoleFixtures.Org org;
    static ConsoleFixtures.Show show;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        backend = BackendProcess.start();
        fixtures = new ConsoleFixtures(backend);
        org = fixtures.createOrg("Console live IT");
        show = fixtures.createShow(org, "Opening night");
        fixtures.sell(org, show, "ga", 2);
        Path home = Files.createTempDirectory("console-home");
        System.setProperty("voelgoed.console.home", home.toString());
        System.setProperty("voelgoed.console.prefs", "/za/voelgoed/console-it/" + UUID.randomUUID());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class, "--backend", backend.baseUrl(), "--token",
                org.ownerToken(), "--page", "sales", "--stale-after", "5");
        waitUntil("the sales page shows the 2 tickets sold", Duration.ofSeconds(30), () -> soldOnScreen() == 2);
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
    void aSaleMadeThroughTheApiShowsOnTheSalesPageWithinASecond() throws Exception {
        long before = soldOnScreen();
        fixtures.sell(org, show, "ga", 1);
        long sold = System.nanoTime();
        waitUntil("the sale on screen", Duration.ofSeconds(1), () -> soldOnScreen() == before + 1);
        System.out.printf("sale to screen: %.0f ms%n", (System.nanoTime() - sold) / 1e6);
        TableView<?> latest = robot.lookup("#latest-sales").queryAs(TableView.class);
        assertThat(latest.getItems()).isNotEmpty();
        assertThat(soldOnScreen()).isEqualTo(apiSold());
    }

    @Test
    @Order(2)
    void aDeadLetterAppearsLiveAndABulkReplayByFilterRunsItAndIsAudited() throws Exception {
        robot.clickOn("#nav-dlq");
        List<ConsoleFixtures.DeadLetter> dead = fixtures.makeDeadLetters(org, show, 1);
        waitUntil("the dead letter on the desk", Duration.ofSeconds(10), () -> rows("#dead-letters") == 1);
        waitUntil("its detail", Duration.ofSeconds(5), () -> text("#dlq-detail").contains("Attempts:"));
        // each attempt the real job engine wrote reads as when and where, over its error: not as JSON
        assertThat(text("#dlq-detail")).contains("Queue:      payments\n")
                .containsPattern("\n1\\. \\d{1,2} [A-Z][a-z]{2} \\d\\d:\\d\\d:\\d\\d on \\S+\n    \\S")
                .doesNotContain("\"error\"").doesNotContain("queue:org:");
        String eventType = fixtures.deadLetters(org, "dead").getFirst().path("event_type").asText();

        type("#filter-event-type", eventType);
        robot.clickOn("#dlq-search");
        type("#dlq-reason", "provider is back");
        robot.clickOn("#replay-matching");
        waitUntil("the dry run's plan", Duration.ofSeconds(10),
                () -> text("#dlq-plan").startsWith("Dry run: Replay 1 dead letter matching the filter"));
        assertThat(fixtures.deadLetters(org, "dead")).as("a dry run changes nothing").hasSize(1);

        robot.clickOn("#dlq-confirm");
        waitUntil("the replay's outcome", Duration.ofSeconds(10), () -> text("#dlq-outcome").startsWith("Replayed 1"));
        assertThat(fixtures.deadLetters(org, "dead")).isEmpty();
        fixtures.awaitPaymentsSettled(org, Duration.ofSeconds(30));
        String payment = fixtures.order(org, dead.getFirst().sale().orderId()).path("payment").path("status").asText();
        assertThat(payment).isEqualTo("captured");

        var audit = fixtures.as(org.viewerToken()).get("/api/orgs/" + org.id() + "/dlq/audit");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode replayed = null;
        for (JsonNode row : audit.json().path("items")) {
            if (row.path("action").asText().equals("replayed")
                    && row.path("dead_letter_id").asText().equals(dead.getFirst().id().toString())) {
                replayed = row;
            }
        }
        assertThat(replayed).as("the audit row of the replay").isNotNull();
        assertThat(replayed.path("reason").asText()).isEqualTo("provider is back");
        TabPane tabs = robot.lookup("#dlq-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitUntil("the audit row on the desk", Duration.ofSeconds(10), () -> rows("#dlq-audit") >= 1);
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    @Order(3)
    void killingTheBackendShowsTheBannerAndARestartClearsItWithTheRightNumbers() throws Exception {
        robot.clickOn("#nav-sales");
        waitUntil("the sales page to match the backend", Duration.ofSeconds(10), () -> soldOnScreen() == apiSold());
        assertThat(visible("#stale-banner")).isFalse();

        backend.kill();
        waitUntil("the staleness banner", Duration.ofSeconds(15), () -> visible("#stale-banner"));
        assertThat(text("#stale-banner-text")).startsWith("The live connection to the backend is down")
                .contains("old");
        long shownWhileDown = soldOnScreen();

        backend.restart();
        waitUntil("the banner to clear", Duration.ofSeconds(30), () -> !visible("#stale-banner"));
        assertThat(soldOnScreen()).isEqualTo(shownWhileDown);
        fixtures.sell(org, show, "early", 2);
        fixtures.sell(org, show, "ga", 1);
        long expected = apiSold();
        waitUntil("the sales after the restart", Duration.ofSeconds(10), () -> soldOnScreen() == expected);
        Thread.sleep(1_000); // a replayed or duplicated event would show as a later double count
        assertThat(soldOnScreen()).isEqualTo(expected).isEqualTo(shownWhileDown + 3);
    }

    @Test
    @Order(4)
    void wallModeShowsTilesOfTheOrgAndEscapeReturnsToThePages() throws Exception {
        robot.clickOn("#open-wall");
        waitUntil("the wall", Duration.ofSeconds(10), () -> visible("#wall"));
        waitUntil("a tile per show", Duration.ofSeconds(10),
                () -> OnFx.read(() -> robot.lookup((Node n) -> n instanceof eu.hansolo.tilesfx.Tile tile
                        && "Opening night".equals(tile.getTitle())).tryQuery().isPresent()));
        assertThat(robot.lookup("#nav-sales").tryQuery()).as("no chrome on the wall").isEmpty();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil("the pages again", Duration.ofSeconds(10), () -> visible("#nav-sales"));
        waitUntil("the sales page's figures", Duration.ofSeconds(10), () -> soldOnScreen() == apiSold());
    }

    private static long apiSold() {
        var sales = fixtures.as(org.viewerToken()).get("/api/orgs/" + org.id() + "/sales");
        assertThat(sales.status()).isEqualTo(200);
        return sales.json().path("totals").path("sold").asLong();
    }

    private static long soldOnScreen() {
        String text = text("#sold").replace(" ", "");
        return text.matches("\\d+") ? Long.parseLong(text) : -1;
    }

    /**
     * The label's text, or "" while it is not on screen: a start whose token check outlasts the early wait shows
     * the connection screen first, and a wait must keep waiting through it rather than stop at the missing node.
     */
    private static String text(String query) {
        return OnFx.read(() -> switch (robot.lookup(query).tryQuery().orElse(null)) {
            case Label label -> String.valueOf(label.getText());
            case TextInputControl input -> String.valueOf(input.getText());
            case null, default -> "";
        });
    }

    private static boolean visible(String query) {
        return OnFx.read(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    private static int rows(String query) {
        return OnFx.read(() -> robot.lookup(query).queryAs(TableView.class).getItems().size());
    }

    private static void type(String query, String value) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
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
