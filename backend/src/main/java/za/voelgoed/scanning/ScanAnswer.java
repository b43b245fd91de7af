package za.voelgoed.scanning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer to one scan, stored with it so the same nonce gets the same answer again. {@code ticket} is
 * absent for an invalid code; {@code firstAdmitted} only accompanies {@code already_redeemed}; {@code conflict}
 * is true (and otherwise absent) when an offline scan found the ticket admitted before it: a double admission
 * (ADR 0025).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanAnswer(String result, String reason, Ticket ticket, FirstAdmission firstAdmitted,
                         Boolean conflict) {

    public ScanAnswer(String result, String reason, Ticket ticket, FirstAdmission firstAdmitted) {
        this(result, reason, ticket, firstAdmitted, null);
    }

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

    /** The same answer, marked as a double admission. */
    ScanAnswer asConflict() {
        return new ScanAnswer(result, reason, ticket, firstAdmitted, Boolean.TRUE);
    }
}
