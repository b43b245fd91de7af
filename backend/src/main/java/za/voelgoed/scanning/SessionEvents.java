package za.voelgoed.scanning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * The events of a scan session's life, written in the transaction that opens or closes it. The resource is the
 * session and the data names it ({@code session_id}), so they reach {@code scanning:org:{org}} and
 * {@code scanning:session:{id}}.
 */
final class SessionEvents {

    private SessionEvents() {
    }

    static void opened(Transaction tx, ScanSession session) {
        ObjectNode data = common(session).put("direction", session.direction())
                .put("opened_at", session.openedAt().toString());
        ArrayNode types = data.putArray("ticket_types");
        session.ticketTypes().forEach(types::add);
        tx.emit(EventTypes.SCANNING_SESSION_OPENED_V1, session.organizationId(), session.id(), data);
    }

    static void closed(Transaction tx, ScanSession session) {
        ObjectNode data = common(session).put("closed_at", session.closedAt().toString());
        tx.emit(EventTypes.SCANNING_SESSION_CLOSED_V1, session.organizationId(), session.id(), data);
    }

    private static ObjectNode common(ScanSession session) {
        ObjectNode data = Json.object().put("session_id", session.id().toString())
                .put("event_id", session.eventId().toString()).put("gate", session.gate());
        if (session.deviceId() != null) {
            data.put("device_id", session.deviceId().toString());
        }
        return data;
    }
}
