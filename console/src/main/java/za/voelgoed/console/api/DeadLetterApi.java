package za.voelgoed.console.api;

import java.util.List;
import java.util.UUID;

/** The dead-letter and queue routes of one organisation, as the desk uses them. */
public interface DeadLetterApi {

    UUID org();

    DeadLetters.Page deadLetters(DeadLetters.Filter filter, String cursor, int limit);

    /** Replays the given ids, or everything dead that matches the filter when {@code ids} is null. */
    DeadLetters.ReplayResult replay(List<UUID> ids, DeadLetters.Filter filter, String reason, boolean dryRun);

    /** Discards the given ids, or everything dead that matches the filter when {@code ids} is null. */
    DeadLetters.DiscardResult discard(List<UUID> ids, DeadLetters.Filter filter, String reason, boolean dryRun);

    DeadLetters.AuditPage audit(String cursor, int limit);

    List<DeadLetters.Queue> queues();

    DeadLetters.Queue pause(String kind);

    DeadLetters.Queue resume(String kind);
}
