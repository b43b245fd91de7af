package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.logging.common.LogConfig;
import io.helidon.logging.jul.HelidonConsoleHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Log lines leave the node with card numbers masked: the formatter scrubs message, parameters and
 * stack trace, and the logging configuration every node loads puts it on the console handler.
 */
class ScrubbingLogFormatterTest {

    private static final String LINE_START = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3} ";

    @BeforeAll
    static void configureAsANodeDoes() {
        LogConfig.configureRuntime();
    }

    @Test
    void messageParametersAndStackTraceAreScrubbedInTheConfiguredLineFormat() {
        LogRecord record = new LogRecord(Level.WARNING, "payment failed for {0} on {1}");
        record.setLoggerName("za.voelgoed.test");
        record.setParameters(new Object[] {"4111.1111.1111.1111", "order 42"});
        record.setThrown(new IllegalStateException("declined 5500 0000 0000 0004",
                new RuntimeException("card \uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11"
                        + "\uFF11\uFF11\uFF11\uFF11 refused")));

        String line = new ScrubbingLogFormatter().format(record);

        assertThat(line).matches("(?s)" + LINE_START + "WARNING za\\.voelgoed\\.test - payment failed for "
                + "\\[redacted-pan] on order 42\njava\\.lang\\.IllegalStateException: declined \\[redacted-pan]\n.*");
        assertThat(line).contains("Caused by: java.lang.RuntimeException: card [redacted-pan] refused")
                .doesNotContain("4111").doesNotContain("5500").doesNotContain("\uFF14\uFF11\uFF11\uFF11");
    }

    @Test
    void theNodesLoggingConfigurationPutsTheFormatterOnTheConsoleHandler() {
        assertThat(LogManager.getLogManager().getProperty("io.helidon.logging.jul.HelidonConsoleHandler.formatter"))
                .isEqualTo(ScrubbingLogFormatter.class.getName());
        Handler[] rootHandlers = Logger.getLogger("").getHandlers();
        assertThat(Arrays.stream(rootHandlers).filter(h -> h instanceof HelidonConsoleHandler))
                .isNotEmpty().allMatch(h -> h.getFormatter() instanceof ScrubbingLogFormatter);
    }

    @Test
    void aRealLoggerWritesScrubbedLinesToTheConsole() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Handler handler;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            // built from the configuration as the root handler is, but writing to the captured stdout
            handler = new HelidonConsoleHandler();
        } finally {
            System.setOut(original);
        }
        Logger logger = Logger.getLogger("za.voelgoed.test.console");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            logger.log(Level.INFO, "refund to 4111 1111 1111 1111 2026 done");
            System.getLogger("za.voelgoed.test.console").log(System.Logger.Level.WARNING,
                    "job_discarded error=\"card 4111-1111-1111-1111 declined\"");
        } finally {
            logger.removeHandler(handler);
        }

        String out = console.toString(StandardCharsets.UTF_8);
        assertThat(out).matches("(?s)" + LINE_START + "INFO za\\.voelgoed\\.test\\.console - refund to "
                + "\\[redacted-pan] 2026 done\n" + LINE_START + "WARNING za\\.voelgoed\\.test\\.console - "
                + "job_discarded error=\"card \\[redacted-pan] declined\"\n");
    }
}
