package za.voelgoed.console.gates.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.Scanning;

/** The double-admission CSV: header, one line per conflict, RFC 4180 quoting and the spreadsheet formula guard. */
class ConflictCsvTest {

    private final UUID ticket = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private final UUID device = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private final UUID scan1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private final UUID scan2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    @Test
    void writesAHeaderAndALinePerConflictWithCrlf() {
        Scanning.Conflict c = new Scanning.Conflict(ticket, "ga", 12,
                new Scanning.Admitted(scan1, Instant.parse("2027-03-01T17:01:02Z"), "North", null),
                new Scanning.Conflicting(scan2, device, "South", Instant.parse("2027-03-01T17:05:00Z"),
                        Instant.parse("2027-03-01T17:20:00Z")));
        String csv = ConflictCsv.write(List.of(c));
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", ConflictCsv.COLUMNS));
        assertThat(lines[1]).isEqualTo(ticket + ",ga,12,2027-03-01T17:01:02Z,North,," + scan1
                + ",2027-03-01T17:05:00Z,2027-03-01T17:20:00Z,South," + device + "," + scan2);
        assertThat(lines[2]).isEmpty();
    }

    @Test
    void missingPartsAreEmptyFields() {
        String line = ConflictCsv.write(List.of(new Scanning.Conflict(ticket, null, null, null, null)))
                .split("\r\n")[1];
        assertThat(line).isEqualTo(ticket + ",,,,,,,,,,,");
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(ConflictCsv.field("Gate 1, north")).isEqualTo("\"Gate 1, north\"");
        assertThat(ConflictCsv.field("the \"VIP\" door")).isEqualTo("\"the \"\"VIP\"\" door\"");
        assertThat(ConflictCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ConflictCsv.field("plain")).isEqualTo("plain");
        assertThat(ConflictCsv.field(null)).isEmpty();
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaStaysText() {
        assertThat(ConflictCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ConflictCsv.field("+1")).isEqualTo("'+1");
        assertThat(ConflictCsv.field("-2")).isEqualTo("'-2");
        assertThat(ConflictCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ConflictCsv.field("\tx")).isEqualTo("'\tx");
        assertThat(ConflictCsv.field("\rx")).isEqualTo("\"'\rx\"");
        assertThat(ConflictCsv.field("a=b")).isEqualTo("a=b");
        Scanning.Conflict c = new Scanning.Conflict(ticket, "ga", null,
                new Scanning.Admitted(scan1, null, "=cmd|' /C calc'!A0", null), null);
        assertThat(ConflictCsv.write(List.of(c)).split("\r\n")[1]).contains(",'=cmd|' /C calc'!A0,");
    }
}
