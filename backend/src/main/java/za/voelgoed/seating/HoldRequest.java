package za.voelgoed.seating;

import java.util.List;

/**
 * Body of {@code POST …/events/{event_id}/holds}: exactly one of {@code seats} (seat ids),
 * {@code best_available} or {@code ticket_type} with {@code quantity}.
 */
public record HoldRequest(List<String> seats, BestAvailableRequest bestAvailable, String ticketType, Integer quantity) {

    /** Let the server choose {@code quantity} adjacent seats, of {@code category} if given. */
    public record BestAvailableRequest(Integer quantity, String category) {
    }
}
