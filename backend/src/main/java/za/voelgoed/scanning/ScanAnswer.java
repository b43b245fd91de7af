package za.voelgoed.scanning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer to one scan, stored with it so the same nonce gets the same answer again. {@code ticket} is
 * absent for an invalid code; {@code firstAdmitted} only accompanies {@code already_redeemed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanAnswer(String result, String reason, Ticket ticket, FirstAdmission firstAdmitted) {

    /** The scanned ticket as a gate shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ticket(UUID id, UUID eventId, String ticketType, Integer seatIndex, String status) {
    }

    /** When, where and by which device (null for a person) the ticket was admitted. */
    public record FirstAdmission(OffsetDateTime at, String gate, UUID device) {
    }

    static ScanAnswer of(ScanResult result, TicketFacts facts, FirstAdmission first) {
        Ticket ticket = facts == null ? null : new Ticket(facts.ticketId(), facts.eventId(), facts.ticketType(),
                facts.seatIndex(), facts.status());
        return new ScanAnswer(result.wire(), result.reason(), ticket, first);
    }
}
