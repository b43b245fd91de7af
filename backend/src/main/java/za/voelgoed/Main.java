package za.voelgoed;

import io.helidon.logging.common.LogConfig;
import za.voelgoed.platform.config.AppConfig;

/** Starts a backend node with the configuration of {@code application.yaml} and the environment. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        BackendNode node = BackendNode.start(AppConfig.load());
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown"));
    }
}
