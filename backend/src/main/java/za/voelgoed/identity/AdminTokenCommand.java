package za.voelgoed.identity;

import java.io.PrintStream;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;

/**
 * {@code java -jar backend.jar admin-token rotate}: replaces the stored system-admin token (the one a first
 * start generated) and prints the new one, once. Running nodes take it within seconds; the old one stops
 * working then. A token set with {@code VOELGOED_ADMIN_TOKEN} is rotated by changing that variable instead.
 */
public final class AdminTokenCommand {

    private AdminTokenCommand() {
    }

    public static int run(String[] args, AppConfig config, PrintStream out, PrintStream err) {
        if (args.length != 1 || !args[0].equals("rotate")) {
            err.println("usage: java -jar backend.jar admin-token rotate");
            return 64;
        }
        if (config.adminToken().isPresent()) {
            err.println("VOELGOED_ADMIN_TOKEN is set, so nodes use it and not a stored token: change that variable"
                    + " on every node instead");
            return 2;
        }
        try (Database database = Database.open(config)) {
            out.println("new system-admin token (shown once; nodes use it within 5 seconds): "
                    + AdminToken.rotate(database.dsl()));
            return 0;
        } catch (RuntimeException e) {
            err.println("could not rotate the admin token: " + e.getMessage());
            return 1;
        }
    }
}
