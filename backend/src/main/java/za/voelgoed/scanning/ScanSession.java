package za.voelgoed.scanning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A device's (or staff member's) shift at one gate of one show. An empty {@code ticketTypes} admits every
 * ticket type; otherwise only those listed (the gate list). {@code deviceId} is null for a session opened
 * by a person; {@code closedAt} is null while the session is open.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanSession(UUID id, @JsonIgnore UUID organizationId, UUID eventId, String gate, String direction,
                          List<String> ticketTypes, UUID deviceId, OffsetDateTime openedAt, OffsetDateTime closedAt) {

    public ScanSession {
        ticketTypes = ticketTypes == null ? List.of() : List.copyOf(ticketTypes);
    }

    @JsonIgnore
    public boolean isOpen() {
        return closedAt == null;
    }
}
