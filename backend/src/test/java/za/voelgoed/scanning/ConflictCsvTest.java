package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConflictCsvTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2027-03-01T19:05:00.123Z");

    private static ScanConflicts.Conflict conflict(String admittedGate, String offlineGate) {
        return new ScanConflicts.Conflict(UUID.fromString("00000000-0000-0000-0000-000000000001"), "ga", 7,
                new ScanConflicts.Admitted(UUID.fromString("00000000-0000-0000-0000-000000000002"), AT, admittedGate,
                        UUID.fromString("00000000-0000-0000-0000-000000000003")),
                new ScanConflicts.Conflicting(UUID.fromString("00000000-0000-0000-0000-000000000004"), null,
                        offlineGate, AT.minusMinutes(2), AT.plusMinutes(5)));
    }

    @Test
    void anEmptyReportIsTheHeaderRowAlone() {
        assertThat(ConflictCsv.write(List.of())).isEqualTo(String.join(",", ConflictCsv.HEADER) + "\r\n");
    }

    @Test
    void aConflictIsOneRowInTheHeadersOrderWithAbsentValuesEmpty() {
        String[] lines = ConflictCsv.write(List.of(conflict("North", "South"))).split("\r\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(lines[1]).isEqualTo("00000000-0000-0000-0000-000000000001,ga,7,"
                + "00000000-0000-0000-0000-000000000002,2027-03-01T19:05:00.123Z,North,"
                + "00000000-0000-0000-0000-000000000003,00000000-0000-0000-0000-000000000004,,South,"
                + "2027-03-01T19:03:00.123Z,2027-03-01T19:10:00.123Z");
    }

    @Test
    void aTakenBackAdmissionLeavesItsCellsEmpty() {
        ScanConflicts.Conflict c = conflict("North", "South");
        String row = ConflictCsv.write(List.of(new ScanConflicts.Conflict(c.ticketId(), null, null, null,
                c.conflicting()))).split("\r\n")[1];
        assertThat(row).startsWith("00000000-0000-0000-0000-000000000001,,,,,,,00000000-0000-0000-0000-000000000004,");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(ConflictCsv.cell("North, upper")).isEqualTo("\"North, upper\"");
        assertThat(ConflictCsv.cell("the \"VIP\" door")).isEqualTo("\"the \"\"VIP\"\" door\"");
        assertThat(ConflictCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ConflictCsv.cell("plain")).isEqualTo("plain");
        assertThat(ConflictCsv.cell("")).isEmpty();
    }

    @Test
    void cellsAFormulaCouldStartWithAreKeptAsText() {
        assertThat(ConflictCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(ConflictCsv.cell("+27 gate")).isEqualTo("'+27 gate");
        assertThat(ConflictCsv.cell("-2")).isEqualTo("'-2");
        assertThat(ConflictCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ConflictCsv.cell("\tTab")).isEqualTo("'\tTab");
        assertThat(ConflictCsv.cell("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(ConflictCsv.cell("North = South")).isEqualTo("North = South");
        String row = ConflictCsv.write(List.of(conflict("=cmd|' /C calc'!A0", "@West, side"))).split("\r\n")[1];
        assertThat(row).contains(",'=cmd|' /C calc'!A0,").contains(",\"'@West, side\",");
    }
}
