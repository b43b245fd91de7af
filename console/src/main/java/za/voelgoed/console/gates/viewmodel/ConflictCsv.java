package za.voelgoed.console.gates.viewmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import za.voelgoed.console.api.Scanning;

/**
 * The double-admission report as CSV (RFC 4180: comma-separated, CRLF lines, fields with a comma, quote or line
 * break quoted with quotes doubled). Gate names come from whoever opened a session, so a field that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is written with a leading
 * apostrophe: opened in Excel or LibreOffice it stays text.
 */
public final class ConflictCsv {

    public static final List<String> COLUMNS = List.of("ticket_id", "ticket_type", "seat_index", "admitted_at",
            "admitted_gate", "admitted_device_id", "admitted_scan_id", "conflicting_scanned_at",
            "conflicting_recorded_at", "conflicting_gate", "conflicting_device_id", "conflicting_scan_id");

    private ConflictCsv() {
    }

    public static String write(List<Scanning.Conflict> conflicts) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS);
        for (Scanning.Conflict c : conflicts) {
            Scanning.Admitted a = c.admitted();
            Scanning.Conflicting x = c.conflicting();
            List<String> row = new ArrayList<>();
            row.add(text(c.ticketId()));
            row.add(text(c.ticketType()));
            row.add(text(c.seatIndex()));
            row.add(a == null ? "" : time(a.at()));
            row.add(a == null ? "" : text(a.gate()));
            row.add(a == null ? "" : text(a.deviceId()));
            row.add(a == null ? "" : text(a.scanId()));
            row.add(x == null ? "" : time(x.scannedAt()));
            row.add(x == null ? "" : time(x.recordedAt()));
            row.add(x == null ? "" : text(x.gate()));
            row.add(x == null ? "" : text(x.deviceId()));
            row.add(x == null ? "" : text(x.scanId()));
            line(out, row);
        }
        return out.toString();
    }

    /** One field as it goes into the file: formula-guarded, then quoted when it must be. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String text(Object value) {
        return value == null ? "" : Objects.toString(value);
    }

    private static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
