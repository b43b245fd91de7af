package za.voelgoed.scanning.sim;

import java.security.PublicKey;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import za.voelgoed.ticketing.TicketCodes;

/**
 * What an offline device decides on its own: a code must verify under one of the organisation's public keys and
 * name this show, and the device admits each ticket once (its own memory; another device may admit it too, which
 * the upload reports as a conflict). One per device, used by its thread only.
 */
final class OfflineCheck {

    /** The device's answer; {@code admitted()} for the scans it uploads as offline admissions. */
    enum Local {
        OK, INVALID, WRONG_EVENT, ALREADY_REDEEMED;

        boolean admitted() {
            return this == OK;
        }

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final UUID org;
    private final UUID event;
    private final Map<String, PublicKey> keys;
    private final Set<UUID> admitted = new HashSet<>();

    OfflineCheck(UUID org, UUID event, Map<String, PublicKey> keys) {
        this.org = org;
        this.event = event;
        this.keys = Map.copyOf(keys);
    }

    Local decide(String code) {
        var verified = TicketCodes.verify(org, keys, code);
        if (verified.isEmpty()) {
            return Local.INVALID;
        }
        if (!verified.get().eventId().equals(event)) {
            return Local.WRONG_EVENT;
        }
        return admitted.add(verified.get().ticketId()) ? Local.OK : Local.ALREADY_REDEEMED;
    }
}
