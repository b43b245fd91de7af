package za.voelgoed.scanning.sim;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the scanner simulator ({@code java -jar backend.jar scan …}). Arguments, environment and streams
 * are passed in, so tests run it in-process exactly as a shell would; it never calls System.exit.
 */
public final class ScanCli {

    static final int INTERNAL = 70;
    private static final int USAGE_WIDTH = 110;

    private ScanCli() {
    }

    /** Runs one simulation and returns its exit code. */
    public static int run(String[] args, Map<String, String> environment, InputStream stdin, PrintStream out,
                          PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, out.charset()), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, err.charset()), true);
        Reporter reporter = new Reporter();
        try {
            return new CommandLine(new ScanCommand(environment, stdin))
                    .setOut(outWriter)
                    .setErr(errWriter)
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

    /** One "error: …" line on stderr and the exit code; a usage error points at --help. */
    private static final class Reporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

        @Override
        public int handleParseException(ParameterException problem, String[] args) {
            PrintWriter err = problem.getCommandLine().getErr();
            err.println("error: " + problem.getMessage());
            err.println("Try 'scan --help' for more information.");
            return problem.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        }

        @Override
        public int handleExecutionException(Exception failure, CommandLine cmd, ParseResult parsed) {
            if (failure instanceof SimFailure sim) {
                cmd.getErr().println("error: " + sim.getMessage());
                return sim.exitCode();
            }
            cmd.getErr().println("error: the scan simulator failed unexpectedly; this is a bug:");
            failure.printStackTrace(cmd.getErr());
            return INTERNAL;
        }
    }
}
