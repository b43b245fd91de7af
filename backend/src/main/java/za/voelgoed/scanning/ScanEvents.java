package za.voelgoed.scanning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.platform.outbox.Transaction.Emission;
import za.voelgoed.scanning.ScanStore.Claim;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * Records a scan's answer and adds its events to those the scan's transaction emits at its end (all at once, so
 * concurrent batches take the tickets' sequence locks in one order): {@code scan.accepted} and
 * {@code ticket.redeemed} for an admission, {@code scan.accepted} alone for an exit or a re-entry (its
 * {@code direction} says which; a re-entry also carries {@code "reentry": true}), {@code scan.rejected} with the
 * result as its reason otherwise. The resource is the ticket; a code that names no ticket is recorded on the
 * scan's own id. An offline upload that finds its ticket admitted before it is a conflict (ADR 0025): its answer,
 * row and event say so. */
final class ScanEvents {

    private ScanEvents() {
    }

    static Scans.Scanned accepted(Transaction tx, ScanWrites out, Claim claim, TicketFacts ticket) {
        ScanAnswer answer = ScanAnswer.of(ScanResult.OK, ticket, null);
        out.answer(claim, ticket.ticketId(), answer);
        ObjectNode data = common(claim).put("ticket_id", ticket.ticketId().toString());
        out.emit(new Emission(tx.actor(), EventTypes.SCAN_ACCEPTED_V1, claim.organizationId(), ticket.ticketId(), data));
        out.emit(new Emission(tx.actor(), EventTypes.TICKET_REDEEMED_V1, claim.organizationId(), ticket.ticketId(),
                data.deepCopy()));
        return Scans.scanned(answer, ScanResult.OK);
    }

    /** An exit, or an entry of a ticket that had left: accepted, but the ticket was redeemed long before. */
    static Scans.Scanned moved(Transaction tx, ScanWrites out, Claim claim, TicketFacts ticket) {
        ScanAnswer answer = ScanAnswer.of(ScanResult.OK, ticket, null);
        out.answer(claim, ticket.ticketId(), answer);
        ObjectNode data = common(claim).put("ticket_id", ticket.ticketId().toString());
        if (Direction.ENTRY.wire().equals(claim.direction())) {
            data.put("reentry", true);
        }
        out.emit(new Emission(tx.actor(), EventTypes.SCAN_ACCEPTED_V1, claim.organizationId(), ticket.ticketId(), data));
        return Scans.scanned(answer, ScanResult.OK);
    }

    static Scans.Scanned rejected(Transaction tx, ScanWrites out, Claim claim, ScanResult result,
                                  TicketFacts ticket, ScanAnswer.FirstAdmission first) {
        boolean conflict = ScanRules.isConflict(claim.offline(), result);
        ScanAnswer answer = conflict ? ScanAnswer.of(result, ticket, first).asConflict()
                : ScanAnswer.of(result, ticket, first);
        out.answer(claim, ticket == null ? null : ticket.ticketId(), answer);
        ObjectNode data = common(claim).put("reason", result.wire());
        if (conflict) {
            data.put("conflict", true);
        }
        if (ticket != null) {
            data.put("ticket_id", ticket.ticketId().toString());
        }
        out.emit(new Emission(tx.actor(), EventTypes.SCAN_REJECTED_V1, claim.organizationId(),
                ticket == null ? claim.scanId() : ticket.ticketId(), data));
        return Scans.scanned(answer, result);
    }

    private static ObjectNode common(Claim claim) {
        ObjectNode data = Json.object().put("scan_id", claim.scanId().toString())
                .put("event_id", claim.session().eventId().toString())
                .put("session_id", claim.session().id().toString())
                .put("gate", claim.session().gate()).put("direction", claim.direction());
        if (claim.deviceId() != null) {
            data.put("device_id", claim.deviceId().toString());
        }
        if (claim.scannedAt() != null) {
            data.put("scanned_at", claim.scannedAt().toString());
        }
        if (claim.offline()) {
            data.put("offline", true);
        }
        return data;
    }
}
