package za.voelgoed.scanning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pure side of scan statistics: the counter fields of a show (as Redis keeps them, or as PostgreSQL's scans
 * give them for a rebuild) and the snapshot the stats route answers, with its 60-minute window filled with zeros.
 * <p>
 * Totals fields: {@code a} and {@code r} (accepted, rejected), {@code r|<reason>}, {@code g|<gate>|a},
 * {@code g|<gate>|r}, {@code g|<gate>|last} (epoch ms), {@code d|<device>|a}, {@code d|<device>|r},
 * {@code d|<device>|last}, {@code d|<device>|gate}. A minute's fields: {@code a}, {@code r}, {@code g|<gate>|a},
 * {@code g|<gate>|r}. A gate's name may hold {@code |}: its kind is after the last one.
 */
final class ScanStats {

    /** Minutes in the window the route answers; older minute buckets are never read. */
    static final int WINDOW = 60;

    record Snapshot(UUID eventId, OffsetDateTime takenAt, long accepted, long rejected,
                    Map<String, Long> rejectedByReason, long admitted, long inside, long exited, List<Minute> perMinute,
                    List<GateStats> gates, List<DeviceStats> devices) {
    }

    /**
     * The show's people: tickets admitted (PostgreSQL's count), inside now and exited (left and not back), both
     * from Redis (ADR 0024); once every decided scan is written, admitted = inside + exited.
     */
    record Headcount(long admitted, long inside, long exited) {
    }

    record Minute(OffsetDateTime minute, long accepted, long rejected) {
    }

    record GateStats(String gate, long accepted, long rejected, List<Minute> perMinute, OffsetDateTime lastScanAt) {
    }

    record DeviceStats(UUID deviceId, String gate, long accepted, long rejected, OffsetDateTime lastScanAt) {
    }

    /** A group of the show's scans from PostgreSQL: gate, device (null for a person), result, count, latest. */
    record Row(String gate, UUID deviceId, String result, long count, Instant last) {
    }

    /** A group of the show's scans in one minute (epoch minute) from PostgreSQL. */
    record MinuteRow(long minute, String gate, String result, long count) {
    }

    private ScanStats() {
    }

    static long minuteOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), 60_000L);
    }

    /** The epoch minutes of the window ending with the minute of {@code now}, oldest first. */
    static List<Long> window(Instant now) {
        long last = minuteOf(now);
        List<Long> minutes = new ArrayList<>(WINDOW);
        for (long m = last - WINDOW + 1; m <= last; m++) {
            minutes.add(m);
        }
        return minutes;
    }

    /** The totals fields a rebuild writes for the show's scans. */
    static Map<String, String> totalsOf(List<Row> rows) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> lasts = new HashMap<>();
        Map<UUID, Instant> deviceLatest = new HashMap<>();
        Map<String, String> out = new HashMap<>();
        for (Row row : rows) {
            String kind = kind(row.result());
            counts.merge(kind, row.count(), Long::sum);
            if (kind.equals("r")) {
                counts.merge("r|" + row.result(), row.count(), Long::sum);
            }
            counts.merge("g|" + row.gate() + "|" + kind, row.count(), Long::sum);
            lasts.merge("g|" + row.gate() + "|last", row.last().toEpochMilli(), Math::max);
            if (row.deviceId() != null) {
                String d = "d|" + row.deviceId() + "|";
                counts.merge(d + kind, row.count(), Long::sum);
                lasts.merge(d + "last", row.last().toEpochMilli(), Math::max);
                Instant seen = deviceLatest.get(row.deviceId());
                if (seen == null || row.last().isAfter(seen)) {
                    deviceLatest.put(row.deviceId(), row.last());
                    out.put(d + "gate", row.gate());
                }
            }
        }
        counts.forEach((k, v) -> out.put(k, Long.toString(v)));
        lasts.forEach((k, v) -> out.put(k, Long.toString(v)));
        return out;
    }

    /** The minute fields a rebuild writes, by epoch minute. */
    static Map<Long, Map<String, String>> minutesOf(List<MinuteRow> rows) {
        Map<Long, Map<String, Long>> counts = new TreeMap<>();
        for (MinuteRow row : rows) {
            Map<String, Long> minute = counts.computeIfAbsent(row.minute(), m -> new HashMap<>());
            String kind = kind(row.result());
            minute.merge(kind, row.count(), Long::sum);
            minute.merge("g|" + row.gate() + "|" + kind, row.count(), Long::sum);
        }
        Map<Long, Map<String, String>> out = new TreeMap<>();
        counts.forEach((m, fields) -> {
            Map<String, String> text = new HashMap<>();
            fields.forEach((k, v) -> text.put(k, Long.toString(v)));
            out.put(m, text);
        });
        return out;
    }

    /**
     * The snapshot of a show from its totals fields and its minute fields (minutes missing count zero; minutes
     * outside the window are ignored).
     */
    static Snapshot snapshot(UUID eventId, Instant now, Headcount heads, Map<String, String> totals,
                             Map<Long, Map<String, String>> minutes) {
        List<Long> window = window(now);
        Map<String, Long> reasons = new TreeMap<>();
        TreeSet<String> gateNames = new TreeSet<>();
        TreeSet<UUID> devices = new TreeSet<>();
        for (String field : totals.keySet()) {
            if (field.startsWith("r|")) {
                reasons.put(field.substring(2), number(totals, field));
            } else if (field.startsWith("g|")) {
                gateNames.add(field.substring(2, field.lastIndexOf('|')));
            } else if (field.startsWith("d|")) {
                devices.add(UUID.fromString(field.substring(2, field.lastIndexOf('|'))));
            }
        }
        for (long m : window) {
            for (String field : minutes.getOrDefault(m, Map.of()).keySet()) {
                if (field.startsWith("g|")) {
                    gateNames.add(field.substring(2, field.lastIndexOf('|')));
                }
            }
        }
        List<Minute> perMinute = new ArrayList<>(WINDOW);
        for (long m : window) {
            Map<String, String> fields = minutes.getOrDefault(m, Map.of());
            perMinute.add(new Minute(at(m * 60_000L), number(fields, "a"), number(fields, "r")));
        }
        List<GateStats> gates = new ArrayList<>();
        for (String gate : gateNames) {
            String g = "g|" + gate + "|";
            List<Minute> gateMinutes = new ArrayList<>(WINDOW);
            for (long m : window) {
                Map<String, String> fields = minutes.getOrDefault(m, Map.of());
                gateMinutes.add(new Minute(at(m * 60_000L), number(fields, g + "a"), number(fields, g + "r")));
            }
            gates.add(new GateStats(gate, number(totals, g + "a"), number(totals, g + "r"), gateMinutes,
                    time(totals.get(g + "last"))));
        }
        List<DeviceStats> deviceStats = new ArrayList<>();
        for (UUID device : devices) {
            String d = "d|" + device + "|";
            deviceStats.add(new DeviceStats(device, totals.get(d + "gate"), number(totals, d + "a"),
                    number(totals, d + "r"), time(totals.get(d + "last"))));
        }
        return new Snapshot(eventId, now.atOffset(ZoneOffset.UTC), number(totals, "a"), number(totals, "r"), reasons,
                heads.admitted(), heads.inside(), heads.exited(), perMinute, gates, deviceStats);
    }

    /** {@code a} for an accepted scan, {@code r} for any rejection. */
    static String kind(String result) {
        return ScanResult.OK.wire().equals(result) ? "a" : "r";
    }

    private static long number(Map<String, String> fields, String field) {
        String value = fields.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static OffsetDateTime time(String epochMillis) {
        return epochMillis == null ? null : at(Long.parseLong(epochMillis));
    }

    private static OffsetDateTime at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }
}
