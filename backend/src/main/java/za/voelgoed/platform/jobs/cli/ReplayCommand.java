package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", description = {
        "Put dead letters back on their source queue as new jobs.",
        "One id uses that item's route; several ids or filter options use the bulk route.",
        "Items whose effect was already applied, or that are no longer dead, are skipped."})
final class ReplayCommand extends ApiCommand {

    @Mixin
    TargetOptions target;

    @Option(names = "--dry-run", description = "Only report what would be replayed and skipped; change nothing.")
    boolean dryRun;

    @Override
    int run(DlqApi api, CommandLine cmd, PrintWriter out) {
        Selection selection = target.selection(cmd);
        String reason = target.reason(cmd);
        String body = api.replay(selection, reason, dryRun);
        if (common.json) {
            out.println(body);
        }
        ReplayResult result = DlqApi.decode(body, ReplayResult.class);
        if (!common.json) {
            print(result, out);
        }
        // A dry run changed nothing, so nothing was left undone: scripts may preview without tripping on 1.
        return !dryRun && !result.skipped().isEmpty() ? ExitCodes.ITEMS_SKIPPED : ExitCodes.OK;
    }

    private void print(ReplayResult result, PrintWriter out) {
        if (dryRun) {
            out.println("dry run: nothing was changed");
        }
        Table replayed = new Table("ID", "JOB ID");
        result.replayed().forEach(item -> replayed.row(item.id(), item.jobId()));
        ResultSection.print(dryRun ? "would replay" : "replayed", result.replayed().size(), replayed, out);
        ResultSection.printSkipped(dryRun ? "would skip" : "skipped", result.skipped(), out);
        if (result.summary().more()) {
            out.println(BulkSummary.MORE_NOTICE);
        }
    }
}
