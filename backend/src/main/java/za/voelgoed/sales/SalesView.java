package za.voelgoed.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON of the sales routes (snake_case on the wire). {@code offset} and {@code epoch} are the
 * organisation's dispatch point taken before the counters were read: a live event after that offset is not in
 * the figures yet, and one at or before it is.
 */
public final class SalesView {

    private SalesView() {
    }

    /** {@code GET /api/orgs/{org}/sales}. */
    public record Org(UUID organizationId, Instant takenAt, long offset, String epoch, Totals totals,
                      List<Minute> perMinute, List<Show> shows, List<Sale> latest) {
    }

    /** {@code GET /api/orgs/{org}/events/{event}/sales}. */
    public record Event(UUID eventId, String name, Instant takenAt, long offset, String epoch, Totals totals,
                        List<Category> categories, List<TicketType> ticketTypes, List<Minute> perMinute,
                        List<Sale> latest) {
    }

    /** Tickets now: sold and refunded are counts, revenue is what the tickets still sold were paid. */
    public record Totals(long capacity, long sold, long held, long available, long refunded, long revenueCents,
                         String currency) {
    }

    /** Tickets sold in one minute (gross: a later refund does not change it). */
    public record Minute(Instant minute, long sold, long revenueCents) {
    }

    public record Show(UUID eventId, String name, Instant startsAt, String status, long capacity, long sold,
                       long held, long available, long revenueCents) {
    }

    public record Category(String category, long priceCents, long capacity, long sold, long held, long available,
                           long revenueCents) {
    }

    public record TicketType(String ticketType, long capacity, long sold, long held, long available,
                             long revenueCents) {
    }

    /** One order, without who bought it. */
    public record Sale(UUID orderId, UUID eventId, String eventName, int tickets, long amountCents, String currency,
                       Instant soldAt) {
    }
}
