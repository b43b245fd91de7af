package za.voelgoed.platform.jobs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When a recurring job is due: a cron expression, parsed once, asked for its ticks in a time zone.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>five fields {@code minute hour day-of-month month day-of-week}, or six with {@code second} first;</li>
 *   <li>in each field {@code *}, a number, a range {@code a-b}, a list {@code a,b,c}, steps {@code *}{@code /n} and
 *       {@code a-b/n} ({@code a/n} means {@code a} to the field's maximum, every {@code n});</li>
 *   <li>month names {@code JAN}–{@code DEC} and weekday names {@code SUN}–{@code SAT}, any case; weekday
 *       {@code 0} and {@code 7} are both Sunday;</li>
 *   <li>the macros {@code @yearly @annually @monthly @weekly @daily @midnight @hourly};</li>
 *   <li>{@code @every <duration>} such as {@code 10s}, {@code 5m}, {@code 1h}, {@code 1h30m}: a fixed interval
 *       counted from the Unix epoch, so every node computes the same ticks whatever its zone or start time.</li>
 * </ul>
 *
 * <p>Day matching follows cron: when day-of-month and day-of-week are both restricted (neither is written
 * {@code *}), a day matches if either does; otherwise both must (the {@code *} one matches every day).
 *
 * <p>Daylight saving: fields are matched against wall-clock time in the zone given. A wall-clock time that
 * does not exist (the clock jumps forward over it) is skipped. A wall-clock time that happens twice (the clock
 * falls back) fires at its first occurrence; it fires again at its second occurrence only when the hour field
 * is every hour, so {@code 30 2 * * *} runs once that night while {@code *}{@code /15 * * * *} keeps a tick every
 * 15 minutes of real time.
 *
 * <p>Expressions no date can ever satisfy, such as {@code 0 0 30 2 *}, are rejected by {@link #parse}.
 * Instances are immutable and thread-safe.
 */
public final class CronSchedule {

    private final String expression;
    private final CronRule rule;

    private CronSchedule(String expression, CronRule rule) {
        this.expression = expression;
        this.rule = rule;
    }

    /**
     * Parses an expression (surrounding whitespace ignored).
     *
     * @throws IllegalArgumentException if it is null, blank or invalid; the message names the field and the
     *         bad value, e.g. {@code minute field: 61 is out of range 0-59 (in "61 * * * *")}
     */
    public static CronSchedule parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("cron expression is null");
        }
        if (expression.isBlank()) {
            throw new IllegalArgumentException("cron expression is blank");
        }
        String text = expression.strip();
        return new CronSchedule(text, new CronParser(text).parse());
    }

    /**
     * The first tick strictly after {@code after}, with the fields evaluated as wall-clock time in {@code zone}
     * ({@code @every} ignores the zone).
     *
     * @throws IllegalStateException if there is no tick in the next ten years (cannot happen for the
     *         expressions {@link #parse} accepts and real zones; the bound only guarantees termination)
     */
    public Instant nextAfter(Instant after, ZoneId zone) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(zone, "zone");
        Instant next = rule.next(after, zone, null);
        if (next == null) {
            throw new IllegalStateException("cron \"" + expression + "\" has no tick within "
                    + CronFields.SEARCH_LIMIT.toDays() + " days after " + after + " in " + zone);
        }
        return next;
    }

    /**
     * The ticks {@code t} with {@code fromExclusive < t <= toInclusive}, in order, at most {@code max} of them
     * (the earliest ones).
     *
     * @throws IllegalArgumentException if {@code max} is negative or the window ends before it starts
     */
    public List<Instant> ticksBetween(Instant fromExclusive, Instant toInclusive, ZoneId zone, int max) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        Objects.requireNonNull(zone, "zone");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException(
                    "window ends (" + toInclusive + ") before it starts (" + fromExclusive + ")");
        }
        List<Instant> ticks = new ArrayList<>(Math.min(max, 64));
        Instant cursor = fromExclusive;
        while (ticks.size() < max) {
            Instant next = rule.next(cursor, zone, toInclusive);
            if (next == null) {
                break;
            }
            ticks.add(next);
            cursor = next;
        }
        return List.copyOf(ticks);
    }

    /** The expression as written, without surrounding whitespace. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
