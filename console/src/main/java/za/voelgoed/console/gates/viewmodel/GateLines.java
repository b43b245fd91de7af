package za.voelgoed.console.gates.viewmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import za.voelgoed.console.api.Scanning;

/** The gates page's rows, made from a stats snapshot and who is connected: pure, so tests need no toolkit. */
public final class GateLines {

    private GateLines() {
    }

    /** A gate: its totals, the scans of the newest minute of the window and when it last scanned. */
    public record Gate(String gate, long accepted, long rejected, long lastMinute, Instant lastScanAt) {
    }

    /** A scanner: its counts and last scan, and whether it holds a live connection now. */
    public record Device(UUID deviceId, String gate, long accepted, long rejected, Instant lastScanAt,
                         boolean online) {
    }

    /** Rejections of one reason. */
    public record Reason(String reason, long count) {
    }

    public static List<Gate> gates(Scanning.Stats stats) {
        List<Gate> out = new ArrayList<>();
        for (Scanning.GateStats g : stats.gates()) {
            Scanning.Minute last = g.perMinute().isEmpty() ? null : g.perMinute().getLast();
            out.add(new Gate(g.gate(), g.accepted(), g.rejected(),
                    last == null ? 0 : last.accepted() + last.rejected(), g.lastScanAt()));
        }
        return out;
    }

    /** Devices of the stats, online when presence lists a connection of theirs (no presence: none online). */
    public static List<Device> devices(Scanning.Stats stats, Scanning.Presence presence) {
        Set<UUID> connected = new HashSet<>();
        if (presence != null) {
            presence.items().stream().map(Scanning.Connection::deviceId).filter(java.util.Objects::nonNull)
                    .forEach(connected::add);
        }
        return stats.devices().stream().map(d -> new Device(d.deviceId(), d.gate(), d.accepted(), d.rejected(),
                d.lastScanAt(), connected.contains(d.deviceId()))).toList();
    }

    /** Rejection reasons, the most frequent first. */
    public static List<Reason> reasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Reason(e.getKey(), e.getValue())).toList();
    }
}
