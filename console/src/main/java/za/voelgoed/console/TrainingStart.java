package za.voelgoed.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Window;
import javafx.util.Duration;
import za.voelgoed.console.api.BackendClient;
import za.voelgoed.console.api.OrgApi;
import za.voelgoed.console.api.Session;
import za.voelgoed.console.shell.PreferencesConnectionStore;
import za.voelgoed.console.shell.viewmodel.ConnectionViewModel;
import za.voelgoed.console.shell.viewmodel.PageId;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;

/**
 * The console as the build's training start runs it ({@link Training}, ADR 0031): the real {@link ConsoleApp}
 * with its shell open, as after a token check that passed (the connection saved in the preferences, as then), for
 * a backend at {@code args[0]}, a local port where nothing listens. It shows every page in turn and then the wall
 * (its own F11 shortcut), and exits 0; {@link Training} stops it if it hangs. Each page's views, tables, lists and
 * charts are built and styled, its reads fail and say so, and the live connection tries the gateway and retries:
 * what a user's first start runs beyond the connection screen (the pages' and controls' lambdas, the HTTP and
 * WebSocket clients), without a backend at build time. Users never start it: {@link Launcher} is the console's
 * main.
 */
public final class TrainingStart {

    /** How long each page (and the wall) shows: long enough for its first reads to fail and be shown. */
    static final Duration PER_SCREEN = Duration.millis(400);
    private static final String TOKEN = "vg_training";

    private TrainingStart() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp console.jar " + TrainingStart.class.getName() + " http://127.0.0.1:PORT");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        UUID org = UUID.nameUUIDFromBytes("training".getBytes(StandardCharsets.UTF_8));
        ConnectionViewModel.Connected connected = new ConnectionViewModel.Connected(
                new OrgApi(new BackendClient(base, TOKEN), org),
                new Session(BackendClient.API_VERSION, "training", false, org, "owner"), "Training");
        // what the launcher's check does once a token passes (under the build's preferences root, not the user's)
        PreferencesConnectionStore.forUser().save(base.toString(), null, org.toString());
        ConsoleApp.earlyCheck = new ConnectionViewModel.EarlyCheck(base, TOKEN, org.toString(), false,
                CompletableFuture.completedFuture(connected));
        ConsoleApp.onShellOpened = TrainingStart::showEveryScreen;
        Application.launch(ConsoleApp.class, "--backend", base.toString(), "--token", TOKEN, "--org", org.toString(),
                "--page", PageId.SALES.option(), "--forget-token");
        System.exit(0); // the live connection's retries would keep the JVM alive
    }

    /** On the FX thread: each page after the first, then the wall, then exits the toolkit. */
    private static void showEveryScreen(ShellViewModel shell) {
        List<KeyFrame> frames = new ArrayList<>();
        PageId[] pages = PageId.values();
        for (int i = 1; i < pages.length; i++) {
            PageId page = pages[i];
            frames.add(new KeyFrame(PER_SCREEN.multiply(i), e -> shell.current().set(page)));
        }
        frames.add(new KeyFrame(PER_SCREEN.multiply(pages.length), e -> openWall()));
        frames.add(new KeyFrame(PER_SCREEN.multiply(pages.length + 1), e -> Platform.exit()));
        new Timeline(frames.toArray(KeyFrame[]::new)).play();
    }

    /** Runs the shortcut that opens the wall, as pressing F11 would. */
    private static void openWall() {
        Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene).findFirst()
                .map(scene -> scene.getAccelerators().get(new KeyCodeCombination(KeyCode.F11)))
                .ifPresent(Runnable::run);
    }
}
