package za.voelgoed.scanning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The double-admission report as CSV (RFC 4180: a header row, CRLF line ends, a cell with a comma, quote or line
 * break quoted, quotes doubled). Gate names are free text and the file is opened in spreadsheets, so a cell that
 * starts with {@code = + - @}, a tab or a carriage return is prefixed with {@code '}: it stays text, never a
 * formula. Empty cells stand for absent values.
 */
final class ConflictCsv {

    static final String MEDIA_TYPE = "text/csv; charset=utf-8";

    static final List<String> HEADER = List.of("ticket_id", "ticket_type", "seat_index", "admitted_scan_id",
            "admitted_at", "admitted_gate", "admitted_device_id", "conflicting_scan_id", "conflicting_device_id",
            "conflicting_gate", "conflicting_scanned_at", "conflicting_recorded_at");

    private ConflictCsv() {
    }

    static String write(List<ScanConflicts.Conflict> conflicts) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ScanConflicts.Conflict c : conflicts) {
            line(csv, cells(c));
        }
        return csv.toString();
    }

    private static List<String> cells(ScanConflicts.Conflict c) {
        List<Object> values = new ArrayList<>(HEADER.size());
        values.add(c.ticketId());
        values.add(c.ticketType());
        values.add(c.seatIndex());
        ScanConflicts.Admitted a = c.admitted();
        values.add(a == null ? null : a.scanId());
        values.add(a == null ? null : a.at());
        values.add(a == null ? null : a.gate());
        values.add(a == null ? null : a.deviceId());
        ScanConflicts.Conflicting o = c.conflicting();
        values.add(o.scanId());
        values.add(o.deviceId());
        values.add(o.gate());
        values.add(o.scannedAt());
        values.add(o.recordedAt());
        return values.stream().map(v -> Objects.toString(v, "")).toList();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** One cell: defused if a spreadsheet would read it as a formula, then quoted if it needs to be. */
    static String cell(String value) {
        String text = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
