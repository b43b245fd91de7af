package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "purge", description = {
        "Delete dead letters that died before an instant, with their stored arguments and errors.",
        "Only resolved (replayed or discarded) ones unless --status says otherwise. Each entry's audit",
        "rows stay, and the purge itself is audited with the reason. The backend deletes a limited number",
        "per request; the tool asks again until nothing older is left."})
final class PurgeCommand extends ApiCommand {

    /** Enough rounds for millions of entries; a backend that always answers "more" must not loop for ever. */
    static final int MAX_ROUNDS = 1_000;

    enum Status { RESOLVED, DEAD, ALL }

    @Option(names = "--older-than", paramLabel = "<instant>", required = true,
            converter = FilterOptions.InstantConverter.class,
            description = "Purge entries that died before this ISO-8601 instant (in the past), e.g. 2026-10-01T00:00:00Z.")
    Instant olderThan;

    @Option(names = "--status", paramLabel = "<status>", defaultValue = "resolved",
            description = "resolved (default: replayed or discarded), dead (still open) or all.")
    Status status;

    @Option(names = "--reason", paramLabel = "<text>", required = true,
            description = "Why (3 to 500 characters); kept in the purge's audit record.")
    String reason;

    @Option(names = "--dry-run", description = "Only count what would be purged; change nothing.")
    boolean dryRun;

    @Override
    int run(DlqApi api, CommandLine cmd, PrintWriter out) {
        if (!olderThan.isBefore(Instant.now())) {
            throw new ParameterException(cmd, "--older-than must be in the past, was " + olderThan);
        }
        String why = TargetOptions.checkReason(reason, cmd);
        String wireStatus = status.name().toLowerCase(Locale.ROOT);
        if (dryRun) {
            String body = api.purge(olderThan, wireStatus, why, true);
            out.println(common.json ? body : "dry run: nothing was changed");
            if (!common.json) {
                out.println("would purge " + DlqApi.decode(body, PurgeResult.class).purged() + " item(s)");
            }
            return ExitCodes.OK;
        }
        long purged = purgeInRounds(api, wireStatus, why);
        out.println(common.json ? DlqApi.json(new PurgeResult(false, purged, false)) : "purged " + purged + " item(s)");
        return ExitCodes.OK;
    }

    private long purgeInRounds(DlqApi api, String wireStatus, String why) {
        long purged = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            PurgeResult result = DlqApi.decode(api.purge(olderThan, wireStatus, why, false), PurgeResult.class);
            purged += result.purged();
            if (!result.more()) {
                break;
            }
        }
        return purged;
    }
}
