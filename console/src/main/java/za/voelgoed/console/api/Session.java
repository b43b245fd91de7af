package za.voelgoed.console.api;

import java.util.UUID;

/** {@code GET /api/session}: who the token is; organisation and role are null for the system admin. */
public record Session(int apiVersion, String serverVersion, boolean admin, UUID organizationId, String role) {

    /** Viewers only read: the console hides what they may not do instead of letting them fail. */
    public boolean mayWrite() {
        return admin || !"viewer".equals(role);
    }
}
