package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "discard", description = {
        "Mark dead letters as discarded: they will not be replayed, and the reason is kept.",
        "One id uses that item's route; several ids or filter options use the bulk route."})
final class DiscardCommand extends ApiCommand {

    @Mixin
    TargetOptions target;

    @Override
    int run(DlqApi api, CommandLine cmd, PrintWriter out) {
        Selection selection = target.selection(cmd);
        String reason = target.reason(cmd);
        String body = api.discard(selection, reason);
        if (common.json) {
            out.println(body);
        }
        DiscardResult result = DlqApi.decode(body, DiscardResult.class);
        if (!common.json) {
            Table discarded = new Table("ID");
            result.discarded().forEach(discarded::row);
            ResultSection.print("discarded", result.discarded().size(), discarded, out);
            ResultSection.printSkipped("skipped", result.skipped(), out);
        }
        return result.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.ITEMS_SKIPPED;
    }
}
