package za.voelgoed.console;

import java.util.Arrays;
import javafx.application.Application;
import za.voelgoed.console.api.BackendClient;
import za.voelgoed.console.shell.PreferencesConnectionStore;
import za.voelgoed.console.shell.viewmodel.ConnectionViewModel;

/**
 * Main class of {@code console.jar}. JavaFX refuses to start an {@code Application} subclass launched from the
 * class path, so this plain class checks the command line first (a wrong option is a sentence and exit
 * code 2, before any window), starts checking the token when the command line gives one (beside the toolkit's
 * start-up: {@link ConnectionViewModel#checkEarly}) and then launches {@link ConsoleApp}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        ConsoleOptions options;
        try {
            options = ConsoleOptions.parse(Arrays.asList(args), System.getenv());
        } catch (ConsoleOptions.InvalidOptionsException e) {
            System.err.println("console: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ConsoleOptions.USAGE);
            return;
        }
        if (options.canConnectDirectly()) {
            // the token is checked while the toolkit starts and the window is built, not after
            ConsoleApp.earlyCheck = ConnectionViewModel.checkEarly(PreferencesConnectionStore::forUser,
                    BackendClient::new, options.backend(), options.token(), options.org(), options.keepToken());
        }
        Application.launch(ConsoleApp.class, args);
    }
}
