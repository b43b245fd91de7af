package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A {@code dlq} subcommand: the common options, a connection to the backend, and its exit code. */
@Command(sortOptions = false, footer = ExitCodes.HELP_FOOTER)
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    DlqCommand dlq;

    @Mixin
    CommonOptions common;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public final Integer call() {
        CommandLine cmd = spec.commandLine();
        try (DlqApi api = common.connect(dlq.environment(), cmd)) {
            return run(api, cmd, cmd.getOut());
        }
    }

    /**
     * Validates what picocli cannot (throwing {@link CommandLine.ParameterException}) before the
     * first request, then does the work and returns the exit code.
     */
    abstract int run(DlqApi api, CommandLine cmd, PrintWriter out);
}
