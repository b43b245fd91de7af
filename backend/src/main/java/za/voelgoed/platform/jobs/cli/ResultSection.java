package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import java.util.List;

/** The "<heading> N item(s):" blocks that replay and discard print, each followed by its table. */
final class ResultSection {

    private ResultSection() {
    }

    static void print(String heading, int count, Table table, PrintWriter out) {
        out.println(heading + " " + count + " item(s)" + (count == 0 ? "" : ":"));
        if (count > 0) {
            table.print(out);
        }
    }

    static void printSkipped(String heading, List<SkippedItem> skipped, PrintWriter out) {
        Table table = new Table("ID", "CODE", "DETAIL");
        skipped.forEach(item -> table.row(item.id(), item.code(), item.detail()));
        print(heading, skipped.size(), table, out);
    }
}
