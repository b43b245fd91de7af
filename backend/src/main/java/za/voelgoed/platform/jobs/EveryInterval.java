package za.voelgoed.platform.jobs;

import java.time.Instant;
import java.time.ZoneId;

/** {@code @every <duration>}: the instants that are whole multiples of the interval since the Unix epoch. */
record EveryInterval(long seconds) implements CronRule {

    EveryInterval {
        if (seconds <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + seconds + "s");
        }
    }

    @Override
    public Instant next(Instant after, ZoneId zone, Instant notAfter) {
        // getEpochSecond() rounds down (nanos are never negative), so a tick exactly at `after` is skipped too
        long periods = Math.floorDiv(after.getEpochSecond(), seconds) + 1;
        Instant next = Instant.ofEpochSecond(Math.multiplyExact(periods, seconds));
        return notAfter == null || !next.isAfter(notAfter) ? next : null;
    }
}
