package za.voelgoed.ticketing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it, with its tickets and payment. */
public record OrderView(UUID id, UUID eventId, UUID holdId, String status, String customerName, String customerEmail,
                        long subtotalCents, long discountCents, long totalCents, String currency, String couponCode,
                        OffsetDateTime createdAt, List<TicketView> tickets, PaymentView payment) {

    /** {@code code} is the signed ticket code a scanner verifies offline. */
    public record TicketView(UUID id, String seatId, String ticketType, long priceCents, String code, String status) {
    }

    public record PaymentView(UUID id, String status, long amountCents, long capturedCents, long refundedCents) {
    }
}
