package za.voelgoed.platform.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithoutTrailingBlanks() {
        Table table = new Table("A", "LONG HEADER", "C").row("wide cell", 1, "x").row(null, "y\nz", "last");

        assertThat(render(table)).isEqualTo("""
                A          LONG HEADER  C
                wide cell  1            x
                -          y z          last
                """);
    }

    @Test
    void truncateFlattensAndCutsWithAMarker() {
        assertThat(Table.truncate("a".repeat(60), 60)).isEqualTo("a".repeat(60));
        assertThat(Table.truncate("a".repeat(61), 60)).hasSize(60).endsWith("aaa...");
        assertThat(Table.truncate("  line one\n\tline two  ", 60)).isEqualTo("line one line two");
        assertThat(Table.truncate(null, 60)).isEqualTo("-");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 cells");
    }

    private static String render(Table table) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            table.print(out);
        }
        return text.toString().replace("\r\n", "\n");
    }
}
