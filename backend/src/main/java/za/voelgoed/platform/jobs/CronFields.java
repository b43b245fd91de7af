package za.voelgoed.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A field-based cron rule. Each mask has bit {@code v} set when value {@code v} is allowed: seconds and minutes
 * 0-59, hours 0-23, days of month 1-31, months 1-12, days of week 0-6 (Sunday is 0).
 *
 * <p>The search walks wall-clock time field by field: a month that does not match jumps to the next allowed
 * month, a day that does not match to the next day, an hour to the next allowed hour, and so on down to the
 * second; a day is never walked second by second, and years cost a few thousand steps at most.
 */
record CronFields(long seconds, long minutes, long hours, long daysOfMonth, long months, long daysOfWeek,
        boolean dayOfMonthRestricted, boolean dayOfWeekRestricted) implements CronRule {

    /** How far {@link #next} looks when the caller gives no bound; covers the longest leap-day gap (8 years). */
    static final Duration SEARCH_LIMIT = Duration.ofDays(10 * 366);

    private static final long EVERY_HOUR = (1L << 24) - 1;

    @Override
    public Instant next(Instant after, ZoneId zone, Instant notAfter) {
        Instant bound = notAfter != null ? notAfter : after.plus(SEARCH_LIMIT);
        if (!bound.isAfter(after)) {
            return null;
        }
        // the day of slack covers offset changes between `bound` as wall-clock time and as an instant
        LocalDateTime end = LocalDateTime.ofInstant(bound, zone).plusDays(1);
        Instant found = first(after, zone.getRules(), end);
        return found != null && !found.isAfter(bound) ? found : null;
    }

    private Instant first(Instant after, ZoneRules rules, LocalDateTime end) {
        LocalDateTime local = LocalDateTime.ofInstant(after, rules.getOffset(after));
        LocalDateTime from = local.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

        ZoneOffsetTransition fallBack = rules.nextTransition(after);
        if (fallBack != null && fallBack.isOverlap() && !local.isBefore(fallBack.getDateTimeAfter())) {
            // `after` is in the first pass through wall-clock times the clock is about to repeat: what is left
            // of the first pass comes first, then the second pass, then the time beyond the repeated stretch
            LocalDateTime firstPass = nextMatch(from, fallBack.getDateTimeBefore());
            if (firstPass != null) {
                return firstPass.toInstant(fallBack.getOffsetBefore());
            }
            if (firesTwiceInOverlap()) {
                LocalDateTime secondPass = nextMatch(fallBack.getDateTimeAfter(), fallBack.getDateTimeBefore());
                if (secondPass != null) {
                    return secondPass.toInstant(fallBack.getOffsetAfter());
                }
            }
            from = fallBack.getDateTimeBefore();
        }

        LocalDateTime candidate = from;
        while ((candidate = nextMatch(candidate, end)) != null) {
            List<ZoneOffset> offsets = rules.getValidOffsets(candidate);
            if (offsets.isEmpty()) {
                // in a gap: this wall-clock time never happens; go on from the end of the gap
                candidate = rules.getTransition(candidate).getDateTimeAfter();
                continue;
            }
            Instant earlier = candidate.toInstant(offsets.getFirst());
            if (earlier.isAfter(after)) {
                return earlier;
            }
            if (offsets.size() == 2 && firesTwiceInOverlap()) {
                Instant later = candidate.toInstant(offsets.getLast());
                if (later.isAfter(after)) {
                    return later;
                }
            }
            candidate = candidate.plusSeconds(1);
        }
        return null;
    }

    /** Only a schedule that runs in every hour keeps running through the repeated hour of a fall-back. */
    private boolean firesTwiceInOverlap() {
        return hours == EVERY_HOUR;
    }

    /** The first matching wall-clock time at or after {@code from} and before {@code end}, or null. */
    private LocalDateTime nextMatch(LocalDateTime from, LocalDateTime end) {
        LocalDateTime t = from;
        while (t.isBefore(end)) {
            int month = t.getMonthValue();
            if (!has(months, month)) {
                int next = nextBit(months, month + 1);
                t = next < 0
                        ? LocalDate.of(t.getYear() + 1, Long.numberOfTrailingZeros(months), 1).atStartOfDay()
                        : LocalDate.of(t.getYear(), next, 1).atStartOfDay();
                continue;
            }
            LocalDate date = t.toLocalDate();
            if (!dayMatches(date)) {
                t = date.plusDays(1).atStartOfDay();
                continue;
            }
            int hour = t.getHour();
            if (!has(hours, hour)) {
                int next = nextBit(hours, hour + 1);
                t = next < 0 ? date.plusDays(1).atStartOfDay() : date.atTime(next, 0);
                continue;
            }
            int minute = t.getMinute();
            if (!has(minutes, minute)) {
                int next = nextBit(minutes, minute + 1);
                t = next < 0 ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1) : t.withMinute(next).withSecond(0);
                continue;
            }
            int second = t.getSecond();
            if (!has(seconds, second)) {
                int next = nextBit(seconds, second + 1);
                t = next < 0 ? t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : t.withSecond(next);
                continue;
            }
            return t;
        }
        return null;
    }

    private boolean dayMatches(LocalDate date) {
        boolean dayOfMonth = has(daysOfMonth, date.getDayOfMonth());
        boolean dayOfWeek = has(daysOfWeek, date.getDayOfWeek().getValue() % 7);
        // a field written `*` has every bit set, so the AND reduces to the other field
        return dayOfMonthRestricted && dayOfWeekRestricted ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    static boolean has(long mask, int value) {
        return (mask & (1L << value)) != 0;
    }

    /** The lowest set bit at or above {@code from}, or -1. */
    static int nextBit(long mask, int from) {
        if (from > 63) {
            return -1;
        }
        long rest = mask & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }
}
