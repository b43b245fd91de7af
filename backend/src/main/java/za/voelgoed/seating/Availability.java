package za.voelgoed.seating;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A show's availability as of one database snapshot, with the per-resource watermark (resource key →
 * seq) a client merges live events against: an event for a resource at or below its watermark is
 * already reflected here.
 */
public record Availability(UUID eventId, Instant takenAt, SeatSummary seats, List<TicketType> ticketTypes,
                           Map<String, Long> watermark) {

    /** Reserved seating: counts, per category, and every seat with its status. */
    public record SeatSummary(int total, int free, int held, int sold, int blocked, List<CategoryCount> categories,
                              List<SeatStatus> items) {
    }

    public record CategoryCount(String category, long priceCents, String currency, int total, int free) {
    }

    /** {@code status} is free, held, sold or blocked. */
    public record SeatStatus(String id, String category, String status) {
    }
}
