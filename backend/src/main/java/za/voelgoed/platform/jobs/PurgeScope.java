package za.voelgoed.platform.jobs;

import java.util.List;
import java.util.Optional;

/** Which dead letters a purge takes, by status: resolved ones (replayed or discarded), open ones, or both. */
public enum PurgeScope {
    RESOLVED("resolved", List.of(DeadLetter.REPLAYED, DeadLetter.DISCARDED)),
    DEAD("dead", List.of(DeadLetter.DEAD)),
    ALL("all", List.of(DeadLetter.DEAD, DeadLetter.REPLAYED, DeadLetter.DISCARDED));

    private final String wire;
    private final List<String> statuses;

    PurgeScope(String wire, List<String> statuses) {
        this.wire = wire;
        this.statuses = statuses;
    }

    public String wire() {
        return wire;
    }

    List<String> statuses() {
        return statuses;
    }

    public static Optional<PurgeScope> fromWire(String text) {
        for (PurgeScope scope : values()) {
            if (scope.wire.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
