package za.voelgoed.platform.jobs;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of a cron expression into a {@link CronRule}; every problem names the field and value. */
final class CronParser {

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String MACRO_LIST = "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly,"
            + " @every <duration>";

    /** Hours, minutes and seconds in that order, each optional: 10s, 5m, 1h, 1h30m, 2h15m30s. */
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?", Pattern.CASE_INSENSITIVE);

    private enum Field {
        SECOND("second", 0, 59, 59, List.of()),
        MINUTE("minute", 0, 59, 59, List.of()),
        HOUR("hour", 0, 23, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, 31, List.of()),
        MONTH("month", 1, 12, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
        // 7 is accepted as Sunday, but `*` and `a/n` stop at Saturday so Sunday is not counted twice
        DAY_OF_WEEK("day-of-week", 0, 7, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

        final String label;
        final int min;
        final int max;
        final int wildcardMax;
        final List<String> names;

        Field(String label, int min, int max, int wildcardMax, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.wildcardMax = wildcardMax;
            this.names = names;
        }
    }

    private final String expression;

    CronParser(String expression) {
        this.expression = expression;
    }

    CronRule parse() {
        String[] tokens = expression.split("\\s+");
        if (tokens[0].startsWith("@")) {
            return macro(tokens);
        }
        if (tokens.length != 5 && tokens.length != 6) {
            throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week)"
                    + " or 6 (second first), got " + tokens.length + in());
        }
        return fields(tokens);
    }

    private CronRule macro(String[] tokens) {
        String name = tokens[0].toLowerCase(Locale.ROOT);
        if (name.equals("@every")) {
            if (tokens.length != 2) {
                throw new IllegalArgumentException(
                        "@every takes one duration such as 10s, 5m, 1h or 1h30m" + in());
            }
            return new EveryInterval(seconds(tokens[1]));
        }
        String fields = MACROS.get(name);
        if (fields == null) {
            throw new IllegalArgumentException(
                    "unknown macro " + tokens[0] + ", expected one of " + MACRO_LIST + in());
        }
        if (tokens.length != 1) {
            throw new IllegalArgumentException(tokens[0] + " takes nothing after it" + in());
        }
        return fields(fields.split(" "));
    }

    private long seconds(String text) {
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("@every: " + text
                    + " is not a duration such as 10s, 5m, 1h or 1h30m (hours, minutes, seconds in that order)"
                    + in());
        }
        long total = part(m.group(1), 3600) + part(m.group(2), 60) + part(m.group(3), 1);
        if (total == 0) {
            throw new IllegalArgumentException("@every: " + text + " must be longer than zero" + in());
        }
        return total;
    }

    private static long part(String digits, long unit) {
        return digits == null ? 0 : Long.parseLong(digits) * unit;
    }

    private CronFields fields(String[] tokens) {
        int offset = tokens.length - 5;
        long seconds = offset == 1 ? field(Field.SECOND, tokens[0]) : 1L;
        long minutes = field(Field.MINUTE, tokens[offset]);
        long hours = field(Field.HOUR, tokens[offset + 1]);
        String dayOfMonthText = tokens[offset + 2];
        long daysOfMonth = field(Field.DAY_OF_MONTH, dayOfMonthText);
        String monthText = tokens[offset + 3];
        long months = field(Field.MONTH, monthText);
        String dayOfWeekText = tokens[offset + 4];
        long daysOfWeek = field(Field.DAY_OF_WEEK, dayOfWeekText);
        if ((daysOfWeek & (1L << 7)) != 0) {
            daysOfWeek = (daysOfWeek & ~(1L << 7)) | 1L;
        }
        boolean dayOfMonthRestricted = !dayOfMonthText.equals("*");
        boolean dayOfWeekRestricted = !dayOfWeekText.equals("*");
        if (dayOfMonthRestricted && !dayOfWeekRestricted && !anyDayFits(daysOfMonth, months)) {
            throw fail(Field.DAY_OF_MONTH, dayOfMonthText + " never occurs in month " + monthText);
        }
        return new CronFields(seconds, minutes, hours, daysOfMonth, months, daysOfWeek,
                dayOfMonthRestricted, dayOfWeekRestricted);
    }

    /** Whether some allowed day of month exists in some allowed month (February counted with 29 days). */
    private static boolean anyDayFits(long daysOfMonth, long months) {
        int firstDay = Long.numberOfTrailingZeros(daysOfMonth);
        for (Month month : Month.values()) {
            if (CronFields.has(months, month.getValue()) && firstDay <= month.maxLength()) {
                return true;
            }
        }
        return false;
    }

    /** The mask of values the field's text allows. */
    private long field(Field field, String text) {
        long mask = 0;
        for (String element : text.split(",", -1)) {
            if (element.isEmpty()) {
                throw fail(field, "empty element in list " + text);
            }
            mask |= element(field, element);
        }
        return mask;
    }

    /** One list element: {@code *}, {@code a}, {@code a-b}, each optionally followed by {@code /step}. */
    private long element(Field field, String element) {
        int slash = element.indexOf('/');
        String range = slash < 0 ? element : element.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            String stepText = element.substring(slash + 1);
            if (!isDigits(stepText)) {
                throw fail(field, "step " + (stepText.isEmpty() ? "is missing" : stepText + " is not a number")
                        + " in " + element);
            }
            int widest = field.max - field.min;
            step = number(stepText);
            if (step < 1 || step > widest) {
                throw fail(field, "step " + stepText + " is out of range 1-" + widest + " in " + element);
            }
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = field.min;
            to = field.wildcardMax;
        } else {
            int dash = range.indexOf('-');
            if (dash < 0) {
                from = value(field, range, element);
                to = slash < 0 ? from : field.wildcardMax;
            } else {
                from = value(field, range.substring(0, dash), element);
                to = value(field, range.substring(dash + 1), element);
                if (from > to) {
                    throw fail(field, "range " + range + " goes backwards (ranges cannot wrap around)");
                }
            }
        }
        long mask = 0;
        for (int v = from; v <= to; v += step) {
            mask |= 1L << v;
        }
        return mask;
    }

    private int value(Field field, String text, String element) {
        if (text.isEmpty()) {
            throw fail(field, "missing value in " + element);
        }
        if (isDigits(text)) {
            int value = number(text);
            if (value < field.min || value > field.max) {
                throw fail(field, text + " is out of range " + field.min + "-" + field.max);
            }
            return value;
        }
        int index = field.names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return field.min + index;
        }
        throw fail(field, text + switch (field) {
            case MONTH -> " is not a number or month name (JAN-DEC)";
            case DAY_OF_WEEK -> " is not a number or weekday name (SUN-SAT)";
            default -> " is not a number";
        });
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The value of a digit string; anything too long for an int is reported as out of range anyway. */
    private static int number(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private IllegalArgumentException fail(Field field, String problem) {
        return new IllegalArgumentException(field.label + " field: " + problem + in());
    }

    private String in() {
        return " (in \"" + expression + "\")";
    }
}
