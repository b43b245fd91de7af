package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one "error: …" message on stderr and the exit code scripts rely on.
 * Usage errors get a pointer to --help instead of picocli's full usage text, which would bury the
 * one line that matters.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine cmd = problem.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (failure instanceof BackendException backend) {
            err.println("error: " + backend.getMessage());
            return backend.exitCode();
        }
        err.println("error: the dlq tool failed unexpectedly; this is a bug:");
        failure.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }
}
