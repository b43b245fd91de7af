package za.voelgoed.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shapes of the scanning routes the gates page and the check-in desk use. Fields another release may add or
 * not have yet ({@code inside}, {@code exited}, {@code conflict}) are boxed and read as absent when missing.
 */
public final class Scanning {

    private Scanning() {
    }

    /** A minute of the stats window. */
    public record Minute(Instant minute, long accepted, long rejected) {
    }

    public record GateStats(String gate, long accepted, long rejected, List<Minute> perMinute, Instant lastScanAt) {

        public GateStats {
            perMinute = perMinute == null ? List.of() : List.copyOf(perMinute);
        }
    }

    public record DeviceStats(UUID deviceId, String gate, long accepted, long rejected, Instant lastScanAt) {
    }

    /** {@code GET …/scanning/stats?event_id=}: a show's scan counts (ADR 0023). */
    public record Stats(UUID eventId, Instant takenAt, long accepted, long rejected,
                        Map<String, Long> rejectedByReason, long admitted, Long inside, Long exited,
                        List<Minute> perMinute, List<GateStats> gates, List<DeviceStats> devices) {

        public Stats {
            rejectedByReason = rejectedByReason == null ? Map.of() : Map.copyOf(rejectedByReason);
            perMinute = perMinute == null ? List.of() : List.copyOf(perMinute);
            gates = gates == null ? List.of() : List.copyOf(gates);
            devices = devices == null ? List.of() : List.copyOf(devices);
        }
    }

    /** One open connection of {@code GET …/presence}; {@code deviceId} is set for a scanner's. */
    public record Connection(UUID connectionId, String kind, String role, UUID deviceId, Instant connectedAt) {
    }

    public record Presence(List<Connection> items) {

        public Presence {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Admitted(UUID scanId, Instant at, String gate, UUID deviceId) {
    }

    public record Conflicting(UUID scanId, UUID deviceId, String gate, Instant scannedAt, Instant recordedAt) {
    }

    /** A double admission of {@code GET …/scanning/conflicts?event_id=}. */
    public record Conflict(UUID ticketId, String ticketType, Integer seatIndex, Admitted admitted,
                           Conflicting conflicting) {
    }

    /**
     * A page of {@code GET …/scanning/conflicts?event_id=&limit=}: the first double admissions in the order they
     * were recorded, and how many the show has ({@code total}; a backend that does not say counts as its items).
     */
    public record Conflicts(List<Conflict> items, long total) {

        public Conflicts {
            items = items == null ? List.of() : List.copyOf(items);
            total = Math.max(total, items.size());
        }
    }

    /** A scan session as {@code POST …/scanning/sessions} answers it. */
    public record Session(UUID id, UUID eventId, String gate, String direction, Instant closedAt) {
    }

    public record Ticket(UUID id, UUID eventId, String ticketType, Integer seatIndex, String status) {
    }

    public record FirstAdmitted(Instant at, String gate, UUID device) {
    }

    /** The answer to {@code POST …/scanning/scans}. */
    public record ScanAnswer(String result, String reason, Ticket ticket, FirstAdmitted firstAdmitted,
                             Boolean conflict) {
    }

    /** A ticket of {@code GET …/scanning/tickets?event_id=&q=}. */
    public record TicketMatch(UUID ticketId, String code, UUID orderId, String customerName, String ticketType,
                              Integer seatIndex, String status, Instant admittedAt) {
    }

    public record TicketMatches(List<TicketMatch> items) {

        public TicketMatches {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
