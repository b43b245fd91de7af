package za.voelgoed.console.viewmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import za.voelgoed.console.api.Sales;

/** Which show a show page opens on when nobody has picked one. */
public final class Shows {

    private Shows() {
    }

    /**
     * The show to look at when none is chosen: the first that starts no earlier than 12 hours ago (tonight's, or
     * the next), else the latest; null when there are none.
     */
    public static UUID defaultShow(List<Sales.Show> shows, Instant now) {
        Instant from = now.minusSeconds(12 * 3600);
        Sales.Show best = null;
        Sales.Show latest = null;
        for (var s : shows) {
            if (s.startsAt() == null) {
                continue;
            }
            if (!s.startsAt().isBefore(from) && (best == null || s.startsAt().isBefore(best.startsAt()))) {
                best = s;
            }
            if (latest == null || s.startsAt().isAfter(latest.startsAt())) {
                latest = s;
            }
        }
        Sales.Show chosen = best != null ? best : latest != null ? latest
                : shows.isEmpty() ? null : shows.getFirst();
        return chosen == null ? null : chosen.eventId();
    }
}
