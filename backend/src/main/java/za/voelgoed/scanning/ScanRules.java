package za.voelgoed.scanning;

import java.time.Instant;
import java.util.Optional;

/**
 * The pure part of a scan: why a ticket may not pass a session's gate, before anyone asks whether it already
 * did. Checked in this order, the first that applies wins: another show ({@code wrong_event}), a refunded
 * order ({@code refunded}), a voided ticket ({@code revoked}), a ticket staff blocked ({@code blocked}: after the
 * facts of the sale, which say more, before the gate's own checks), a capture that failed ({@code unpaid}), a
 * ticket type the gate list leaves out ({@code product_not_allowed}). Empty means the ticket may be admitted once.
 * {@link #beforeDoors} then refuses an entry before the show's doors open ({@code not_yet_valid}). */
final class ScanRules {

    private ScanRules() {
    }

    static Optional<ScanResult> refusal(TicketFacts ticket, ScanSession session) {
        if (!ticket.eventId().equals(session.eventId())) {
            return Optional.of(ScanResult.WRONG_EVENT);
        }
        if ("refunded".equals(ticket.orderStatus())) {
            return Optional.of(ScanResult.REFUNDED);
        }
        if (!"valid".equals(ticket.status())) {
            return Optional.of(ScanResult.REVOKED);
        }
        if (ticket.blocked()) {
            return Optional.of(ScanResult.BLOCKED);
        }
        if (ticket.captureFailed()) {
            return Optional.of(ScanResult.UNPAID);
        }
        boolean listed = ticket.ticketType() != null && session.ticketTypes().contains(ticket.ticketType());
        if (!session.ticketTypes().isEmpty() && !listed) {
            return Optional.of(ScanResult.PRODUCT_NOT_ALLOWED);
        }
        return Optional.empty();
    }

    /**
     * A double admission (ADR 0025): the device let the holder in while offline, and server order says the ticket
     * was admitted before. An online scan that is refused let nobody in, so it is never a conflict.
     */
    static boolean isConflict(boolean offline, ScanResult result) {
        return offline && result == ScanResult.ALREADY_REDEEMED;
    }

    /**
     * An entry before the show's doors open is {@code not_yet_valid}; an exit always passes to the presence rule (a
     * holder let in before the doors time moved must be able to leave).
     */
    static Optional<ScanResult> beforeDoors(ShowSettings show, Direction way, Instant now) {
        return way == Direction.ENTRY && show.beforeDoors(now) ? Optional.of(ScanResult.NOT_YET_VALID)
                : Optional.empty();    }
}
