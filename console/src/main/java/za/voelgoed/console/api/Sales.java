package za.voelgoed.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shapes of the sales routes ({@code GET /api/orgs/{org}/sales} and {@code .../events/{event}/sales}). */
public final class Sales {

    private Sales() {
    }

    public record Totals(long capacity, long sold, long held, long available, long refunded, long revenueCents,
                         String currency) {
    }

    public record Minute(Instant minute, long sold, long revenueCents) {
    }

    public record Show(UUID eventId, String name, Instant startsAt, String status, long capacity, long sold, long held,
                       long available, long revenueCents) {
    }

    public record Sale(UUID orderId, UUID eventId, String eventName, long tickets, long amountCents, String currency,
                       Instant soldAt) {
    }

    public record Category(String category, long priceCents, long capacity, long sold, long held, long available,
                           long revenueCents) {
    }

    public record TicketTypeLine(String ticketType, long capacity, long sold, long held, long available,
                                 long revenueCents) {
    }

    /** The organisation's sales, with the dispatch point ({@code offset}, {@code epoch}) it reflects. */
    public record OrgSales(UUID organizationId, Instant takenAt, long offset, String epoch, Totals totals,
                           List<Minute> perMinute, List<Show> shows, List<Sale> latest) {

        public OrgSales {
            perMinute = perMinute == null ? List.of() : List.copyOf(perMinute);
            shows = shows == null ? List.of() : List.copyOf(shows);
            latest = latest == null ? List.of() : List.copyOf(latest);
        }
    }

    /** One show's sales by category and ticket type. */
    public record ShowSales(UUID eventId, String name, Instant takenAt, long offset, String epoch, Totals totals,
                            List<Category> categories, List<TicketTypeLine> ticketTypes, List<Minute> perMinute,
                            List<Sale> latest) {

        public ShowSales {
            categories = categories == null ? List.of() : List.copyOf(categories);
            ticketTypes = ticketTypes == null ? List.of() : List.copyOf(ticketTypes);
            perMinute = perMinute == null ? List.of() : List.copyOf(perMinute);
            latest = latest == null ? List.of() : List.copyOf(latest);
        }
    }
}
