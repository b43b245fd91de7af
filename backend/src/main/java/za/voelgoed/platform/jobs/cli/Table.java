package za.voelgoed.platform.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns as wide as their widest cell, two spaces apart, no trailing blanks,
 * so its output stays greppable and cut-able by scripts that do not ask for {@code --json}.
 */
final class Table {

    private static final String GAP = "  ";
    private static final String ELLIPSIS = "...";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length())).append(GAP);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Flattens to one line and cuts to {@code max} characters, marking the cut. */
    static String truncate(String text, int max) {
        if (text == null) {
            return "-";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    // A cell is one line: an embedded newline would break every column after it.
    private static String cell(Object value) {
        return value == null ? "-" : value.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
