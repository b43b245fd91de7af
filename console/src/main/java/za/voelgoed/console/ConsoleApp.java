package za.voelgoed.console;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import za.voelgoed.console.api.BackendClient;
import za.voelgoed.console.api.OrgApi;
import za.voelgoed.console.checkin.CheckInView;
import za.voelgoed.console.checkin.viewmodel.CheckInViewModel;
import za.voelgoed.console.dlq.DeadLetterDeskView;
import za.voelgoed.console.dlq.viewmodel.DeadLetterDeskViewModel;
import za.voelgoed.console.gates.GatesView;
import za.voelgoed.console.gates.viewmodel.GatesViewModel;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.sales.SalesView;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.shell.ConnectionView;
import za.voelgoed.console.shell.PreferencesConnectionStore;
import za.voelgoed.console.shell.ShellView;
import za.voelgoed.console.shell.viewmodel.ConnectionViewModel;
import za.voelgoed.console.shell.viewmodel.PageId;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;
import za.voelgoed.console.telemetry.TelemetryView;
import za.voelgoed.console.telemetry.viewmodel.TelemetryViewModel;
import za.voelgoed.console.ui.FxTasks;
import za.voelgoed.console.ui.Pulse;
import za.voelgoed.console.wall.WallView;
import za.voelgoed.console.wall.viewmodel.WallViewModel;

/**
 * The operations console: the connection screen, then the shell with its pages, or the wall. Everything
 * it shows comes from the backend's public REST API and its {@code /ws} gateway.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());
    static final Duration SCREENSHOT_TIMEOUT = Duration.ofSeconds(40);
    /** How long closing the window waits for the backend to close the check-in desk's sessions. */
    private static final Duration CLOSE_SESSIONS_WITHIN = Duration.ofSeconds(3);
    /** How long the window waits for the launcher's check of the token before it shows the connection screen. */
    static final Duration FIRST_SCREEN_WAIT = Duration.ofMillis(1_500);

    /**
     * Called once on the FX thread when the shell has opened, with the shell's pages: the console bench's probe
     * (test code in this package) reads redraws through it. Null, and so never called, in the product.
     */
    static volatile Consumer<ShellViewModel> onShellOpened;

    /** The check of the command line's token that {@link Launcher} started before the toolkit; null if none. */
    static volatile ConnectionViewModel.EarlyCheck earlyCheck;

    private final FxTasks tasks = new FxTasks();
    private final Pulse pulse = new Pulse();
    private final Clock clock = Clock.systemUTC();
    private ConsoleOptions options;
    private Stage stage;
    private Scene scene;
    private OrgApi api;
    private LiveConnection live;
    private ShellViewModel shell;
    private ShellView shellView;
    private Wall wall;
    private CheckInViewModel checkIn;
    /** One instance, so that the pulse can let go of it again when the wall closes. */
    private final java.util.function.LongConsumer wallTicker = this::tickWall;

    /** The wall's own page models and view, alive only while the wall shows. */
    private record Wall(SalesViewModel sales, TelemetryViewModel telemetry, GatesViewModel gates,
                        WallViewModel rotation, WallView view) {
    }

    @Override
    public void start(Stage primary) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "unexpected error on " + t, e));
        options = ConsoleOptions.parse(getParameters().getRaw(), System.getenv());
        stage = primary;
        Application.setUserAgentStylesheet(options.dark()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(new javafx.scene.layout.StackPane(), Math.min(1440, screen.getWidth()),
                Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setTitle("VoelgoedEvents console");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> shutdown());
        pulse.start();
        ConnectionViewModel.EarlyCheck early = earlyCheck;
        if (early == null || !options.canConnectDirectly()) {
            showConnection();
            return;
        }
        // the token's check started before the toolkit: when it answers within a moment, the first frame is the
        // shell itself, not a connection screen built, styled and painted only to be replaced at once
        CompletableFuture<Void> answered = new CompletableFuture<>();
        early.result().whenComplete((connected, error) -> answered.complete(null));
        CompletableFuture.delayedExecutor(FIRST_SCREEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> answered.complete(null));
        answered.thenRun(() -> Platform.runLater(() -> firstScreen(early.result())));
    }

    private void firstScreen(CompletableFuture<ConnectionViewModel.Connected> early) {
        if (early.isDone() && !early.isCompletedExceptionally()) {
            openShell(early.join());
            stage.show();
        } else {
            showConnection(); // it waits for the same check, or says why it failed
        }
    }

    /** The connection screen; with a command line that says where to connect, it connects at once. */
    private void showConnection() {
        ConnectionViewModel connection = new ConnectionViewModel(tasks, PreferencesConnectionStore.forUser(),
                BackendClient::new);
        connection.rememberToken().set(options.keepToken());
        connection.onConnected(this::openShell);
        scene.setRoot(new ConnectionView(connection));
        stage.show();
        if (options.canConnectDirectly()) {
            connection.url().set(options.backend());
            connection.token().set(options.token());
            connection.org().set(options.org() == null ? "" : options.org());
            if (options.screenshot() != null) {
                connection.problem().addListener((o, was, now) -> {
                    if (now != null) {
                        fail(now);
                    }
                });
            }
            connection.adopt(earlyCheck);
            connection.connect().execute();
        } else if (options.screenshot() != null) {
            fail("--screenshot needs --backend and --token (or VOELGOED_URL and VOELGOED_TOKEN).");
        }
    }

    private void openShell(ConnectionViewModel.Connected connected) {
        api = connected.api();
        live = new LiveConnection(api.client().gateway(), api.client().token(), HttpClient.newHttpClient(), clock);
        shell = new ShellViewModel(live, clock);
        shell.staleAfter(options.staleAfter());
        shell.organisation(connected.orgName());
        shell.register(PageId.SALES, salesModel());
        shell.register(PageId.TELEMETRY, new TelemetryViewModel(tasks, live, api.org(), api::telemetry, clock));
        shell.register(PageId.DLQ, new DeadLetterDeskViewModel(tasks, live, api, clock));
        shell.register(PageId.GATES, gatesModel());
        checkIn = new CheckInViewModel(tasks, CheckInViewModel.Desk.of(api), clock, java.time.ZoneId.systemDefault());
        shell.register(PageId.CHECK_IN, checkIn);
        Map<PageId, Function<PageId, Node>> views = new EnumMap<>(PageId.class);
        views.put(PageId.SALES, id -> new SalesView((SalesViewModel) shell.page(id)));
        views.put(PageId.TELEMETRY, id -> new TelemetryView((TelemetryViewModel) shell.page(id)));
        views.put(PageId.DLQ, id -> new DeadLetterDeskView((DeadLetterDeskViewModel) shell.page(id),
                connected.session().mayWrite()));
        views.put(PageId.GATES, id -> new GatesView((GatesViewModel) shell.page(id)));
        views.put(PageId.CHECK_IN, id -> new CheckInView((CheckInViewModel) shell.page(id)));
        shellView = new ShellView(shell, views, this::openWall);
        live.start();
        pulse.add(shell::tick);
        scene.setRoot(shellView);
        shellView.installShortcuts(scene, this::openWall);
        stage.setTitle("VoelgoedEvents console — " + connected.orgName());
        if (options.wall()) {
            openWall();
        } else {
            shell.current().set(options.page());
        }
        options.screenshotFile().ifPresent(this::screenshotWhenLoaded);
        Consumer<ShellViewModel> probe = onShellOpened;
        if (probe != null) {
            probe.accept(shell);
        }
    }

    private SalesViewModel salesModel() {
        return new SalesViewModel(tasks, live, api.org(), api::sales, api::showSales, clock).readAsSoonAsChanged();
    }

    private GatesViewModel gatesModel() {
        return new GatesViewModel(tasks, live, api.org(), GatesViewModel.Source.of(api), clock).readAsSoonAsChanged();
    }

    private void openWall() {
        if (wall != null) {
            return;
        }
        SalesViewModel sales = salesModel();
        TelemetryViewModel telemetry = new TelemetryViewModel(tasks, live, api.org(), api::telemetry, clock);
        GatesViewModel gates = gatesModel();
        WallViewModel rotation = new WallViewModel(3);
        rotation.interval().set(options.rotateEvery());
        sales.paused().bind(shell.paused());
        telemetry.paused().bind(shell.paused());
        gates.paused().bind(shell.paused());
        WallView view = new WallView(shell, sales, telemetry, gates, rotation);
        if (options.page() == PageId.GATES) {
            rotation.show(WallView.GATES_PAGE); // --wall --page gates: a wall at the doors starts on the gates
        }
        wall = new Wall(sales, telemetry, gates, rotation, view);
        shell.current().set(null);
        sales.activate();
        telemetry.activate();
        gates.activate();
        pulse.add(wallTicker);
        scene.setRoot(view);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeWall();
            } else if (e.getCode() == KeyCode.SPACE) {
                shell.paused().set(!shell.paused().get());
            } else if (e.getCode() == KeyCode.RIGHT) {
                rotation.next(System.currentTimeMillis());
            } else if (e.getCode() == KeyCode.H) {
                rotation.holding().set(!rotation.holding().get());
            }
        });
        stage.setFullScreenExitHint("");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setFullScreen(true);
    }

    private void tickWall(long nowMs) {
        if (wall == null) {
            return;
        }
        wall.sales().tick(nowMs);
        wall.telemetry().tick(nowMs);
        wall.gates().tick(nowMs);
        wall.rotation().tick(nowMs);
        wall.view().tick();
    }

    private void closeWall() {
        if (wall == null) {
            return;
        }
        pulse.remove(wallTicker);
        wall.sales().deactivate();
        wall.telemetry().deactivate();
        wall.gates().deactivate();
        wall = null;
        scene.setOnKeyPressed(null);
        stage.setFullScreen(false);
        scene.setRoot(shellView);
        shell.current().set(options.page());
    }

    /** Waits until what is on screen has its data, then writes the scene as a PNG and exits 0. */
    private void screenshotWhenLoaded(Path file) {
        long deadline = System.currentTimeMillis() + SCREENSHOT_TIMEOUT.toMillis();
        int[] settled = {0};
        pulse.add(new java.util.function.LongConsumer() {
            @Override
            public void accept(long nowMs) {
                if (!loaded()) {
                    if (nowMs > deadline) {
                        pulse.remove(this);
                        fail("The page's data did not arrive within " + SCREENSHOT_TIMEOUT.toSeconds()
                                + " s; no screenshot was written.");
                    }
                    return;
                }
                if (++settled[0] < 10) {
                    return; // a second of pulses: charts lay out, late reads land
                }
                pulse.remove(this);
                write(file);
            }
        });
    }

    private boolean loaded() {
        if (wall != null) {
            return wall.sales().loaded().get() && wall.telemetry().loaded().get() && wall.gates().loaded().get();
        }
        PageId id = shell.current().get();
        return id != null && shell.page(id).loaded().get();
    }

    private void write(Path file) {
        try {
            WritableImage image = scene.snapshot(null);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.out.println("console: wrote " + file + " (" + (int) image.getWidth() + "x"
                    + (int) image.getHeight() + ")");
            shutdown();
            Platform.exit();
            System.exit(0);
        } catch (IOException e) {
            fail("Could not write " + file + ": " + e.getMessage());
        }
    }

    private void fail(String sentence) {
        System.err.println("console: " + sentence);
        shutdown();
        Platform.exit();
        System.exit(1);
    }

    private void shutdown() {
        pulse.stop();
        if (checkIn != null) {
            checkIn.closeSessions(CLOSE_SESSIONS_WITHIN); // the desk's sessions end with the console
        }
        if (live != null) {
            live.close();
        }
        tasks.close();
    }

    @Override
    public void stop() {
        shutdown();
    }
}
