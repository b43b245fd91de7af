package za.voelgoed.platform.jobs.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of the {@code dlq} tool ({@code java -jar backend.jar dlq …}). Everything the tool
 * touches outside itself (arguments, environment, output streams) is passed in, so tests run it
 * in-process exactly as a shell would.
 */
public final class DlqCli {

    // Wide enough that option descriptions do not break URLs and instants across lines.
    private static final int USAGE_WIDTH = 100;

    private DlqCli() {
    }

    /** Runs one command and returns its exit code (see {@link ExitCodes}); never calls System.exit. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        PrintWriter outWriter = writer(out);
        PrintWriter errWriter = writer(err);
        ErrorReporter reporter = new ErrorReporter();
        try {
            return new CommandLine(new DlqCommand(environment))
                    .setOut(outWriter)
                    .setErr(errWriter)
                    // Plain text whatever the terminal: output is meant to be piped and grepped.
                    .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setUsageHelpWidth(USAGE_WIDTH)
                    .setParameterExceptionHandler(reporter)
                    .setExecutionExceptionHandler(reporter)
                    .execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    // Writes in the stream's own charset, which for System.out is the terminal's.
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }
}
