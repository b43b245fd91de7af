package za.voelgoed.scanning;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Which organisation a scan session belongs to; an unknown session belongs to nobody. */
public final class ScanSessions {

    private final DSLContext dsl;

    public ScanSessions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<UUID> orgOf(UUID sessionId) {
        return dsl.fetchOptional("select organization_id from scanning_sessions where id = ?", sessionId)
                .map(r -> r.get(0, UUID.class));
    }
}
