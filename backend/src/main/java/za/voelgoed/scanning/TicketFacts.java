package za.voelgoed.scanning;

import java.util.UUID;

/**
 * What a scan needs to know of a ticket, read in the scan's transaction.
 *
 * @param status        the ticket's status ({@code valid} or {@code void})
 * @param orderStatus   its order's status ({@code paid} or {@code refunded})
 * @param captureFailed the payment is still only authorised and its capture job is in the dead-letter queue
 * @param blocked       staff blocked the ticket ({@code ticket_blocks}, ADR 0025)
 */
record TicketFacts(UUID ticketId, UUID organizationId, UUID eventId, String ticketType, Integer seatIndex,
                   String status, String orderStatus, boolean captureFailed, boolean blocked) {

    /** A ticket nobody blocked. */
    TicketFacts(UUID ticketId, UUID organizationId, UUID eventId, String ticketType, Integer seatIndex,
                String status, String orderStatus, boolean captureFailed) {
        this(ticketId, organizationId, eventId, ticketType, seatIndex, status, orderStatus, captureFailed, false);
    }
}
