package za.voelgoed.platform.jobs;

import java.time.Instant;
import java.time.ZoneId;

/** What a parsed cron expression computes: its next tick. */
sealed interface CronRule permits CronFields, EveryInterval {

    /**
     * The first tick strictly after {@code after}, or null if there is none up to {@code notAfter} (inclusive).
     * A null {@code notAfter} means "no caller bound"; an implementation may still give up after a bound of
     * its own, and then returns null.
     */
    Instant next(Instant after, ZoneId zone, Instant notAfter);
}
