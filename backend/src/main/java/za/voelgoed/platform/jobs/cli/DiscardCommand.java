package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "discard", description = {
        "Mark dead letters as discarded: they will not be replayed, and the reason is kept.",
        "One id uses that item's route; several ids or filter options use the bulk route."})
final class DiscardCommand extends ApiCommand {

    @Mixin
    TargetOptions target;

    @Option(names = "--dry-run", description = "Only report what would be discarded and skipped; change nothing.")
    boolean dryRun;

    @Override
    int run(DlqApi api, CommandLine cmd, PrintWriter out) {
        Selection selection = target.selection(cmd);
        String reason = target.reason(cmd);
        String body = api.discard(selection, reason, dryRun);
        if (common.json) {
            out.println(body);
        }
        DiscardResult result = DlqApi.decode(body, DiscardResult.class);
        if (!common.json) {
            print(result, out);
        }
        // A dry run changed nothing, so nothing was left undone: scripts may preview without tripping on 1.
        return !dryRun && !result.skipped().isEmpty() ? ExitCodes.ITEMS_SKIPPED : ExitCodes.OK;
    }

    private void print(DiscardResult result, PrintWriter out) {
        if (dryRun) {
            out.println("dry run: nothing was changed");
        }
        Table discarded = new Table("ID");
        result.discarded().forEach(discarded::row);
        ResultSection.print(dryRun ? "would discard" : "discarded", result.discarded().size(), discarded, out);
        ResultSection.printSkipped(dryRun ? "would skip" : "skipped", result.skipped(), out);
        if (result.summary().more()) {
            out.println(BulkSummary.MORE_NOTICE);
        }
    }
}
