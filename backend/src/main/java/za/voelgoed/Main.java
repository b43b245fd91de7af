package za.voelgoed;

import io.helidon.logging.common.LogConfig;
import java.util.Arrays;
import za.voelgoed.identity.AdminTokenCommand;
import za.voelgoed.platform.jobs.cli.DlqCli;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.scanning.sim.ScanCli;

/**
 * Starts a backend node with the configuration of {@code application.yaml} and the environment, or,
 * when the first argument is {@code dlq}, runs the dead-letter operator tool and exits with its code
 * ({@code admin-token rotate}: replaces the stored system-admin token; {@code scan}: the scanner simulator, a gate
 * of devices scanning over HTTP).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin-token")) {
            LogConfig.configureRuntime();
            System.exit(AdminTokenCommand.run(Arrays.copyOfRange(args, 1, args.length), AppConfig.load(), System.out,
                    System.err));
        }
        if (args.length > 0 && args[0].equals("dlq")) {
            System.exit(DlqCli.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("scan")) {
            System.exit(ScanCli.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.in, System.out,
                    System.err));
        }
        LogConfig.configureRuntime();
        BackendNode node = BackendNode.start(AppConfig.load());
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown"));
    }
}
