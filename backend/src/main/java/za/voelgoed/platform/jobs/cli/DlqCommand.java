package za.voelgoed.platform.jobs.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "dlq",
        description = {"Inspect, replay, discard and purge the dead-lettered jobs of an organisation.",
                "Run as: java -jar backend.jar dlq <command> [options]"},
        subcommands = {ListCommand.class, ShowCommand.class, ReplayCommand.class, DiscardCommand.class,
                PurgeCommand.class},
        footer = ExitCodes.HELP_FOOTER)
final class DlqCommand implements Runnable {

    /** Handed in rather than read from System.getenv, so that tests choose the environment. */
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    DlqCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: list, show, replay, discard or purge");
    }
}
