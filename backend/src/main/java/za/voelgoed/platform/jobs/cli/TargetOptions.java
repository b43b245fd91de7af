package za.voelgoed.platform.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** The selection and the reason that {@code replay} and {@code discard} both need. */
final class TargetOptions {

    static final int MIN_REASON = 3;
    static final int MAX_REASON = 500;

    @Parameters(paramLabel = "<id>", arity = "0..*",
            description = "Dead letters to act on. Without ids, the filter options select them.")
    List<UUID> ids = new ArrayList<>();

    @Mixin
    FilterOptions filter;

    @Option(names = "--reason", paramLabel = "<text>", required = true,
            description = "Why (3 to 500 characters); kept on each item as its resolution reason.")
    String reason;

    /**
     * Refuses an empty selection: an empty filter could match every dead letter of the organisation,
     * and an operator must never get that by forgetting an argument.
     */
    Selection selection(CommandLine cmd) {
        filter.validate(cmd);
        if (!ids.isEmpty() && !filter.isEmpty()) {
            throw new ParameterException(cmd, "give either ids or filter options, not both");
        }
        if (ids.isEmpty() && filter.isEmpty()) {
            throw new ParameterException(cmd,
                    "give ids, or at least one of --queue, --event-type, --worker, --since, --until");
        }
        if (ids.isEmpty()) {
            return new Selection.Matching(filter.toFilter());
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        return distinct.size() == 1 ? new Selection.One(distinct.getFirst()) : new Selection.Ids(distinct);
    }

    String reason(CommandLine cmd) {
        return checkReason(reason, cmd);
    }

    /** The stripped reason, or a usage error when it is not 3 to 500 characters. */
    static String checkReason(String reason, CommandLine cmd) {
        String text = reason.strip();
        if (text.length() < MIN_REASON || text.length() > MAX_REASON) {
            throw new ParameterException(cmd, "--reason must be " + MIN_REASON + " to " + MAX_REASON
                    + " characters, was " + text.length());
        }
        return text;
    }
}
