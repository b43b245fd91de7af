package za.voelgoed.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    /** The next tick as wall-clock time with offset in {@code zone}, e.g. {@code 2026-03-30T02:30:00+02:00}. */
    private static String next(String expression, String after, ZoneId zone) {
        return wallClock(CronSchedule.parse(expression).nextAfter(Instant.parse(after), zone), zone);
    }

    private static List<String> ticks(String expression, String fromExclusive, String toInclusive, ZoneId zone,
            int max) {
        return CronSchedule.parse(expression)
                .ticksBetween(Instant.parse(fromExclusive), Instant.parse(toInclusive), zone, max)
                .stream().map(t -> wallClock(t, zone)).toList();
    }

    private static String wallClock(Instant instant, ZoneId zone) {
        return instant.atZone(zone).format(WALL_CLOCK);
    }

    @Nested
    class Fields {

        @Test
        void nextTickIsStrictlyAfterTheGivenInstant() {
            assertThat(next("30 9 * * *", "2026-05-10T08:00:00Z", UTC)).isEqualTo("2026-05-10T09:30:00+00:00");
            assertThat(next("30 9 * * *", "2026-05-10T09:29:59.999Z", UTC)).isEqualTo("2026-05-10T09:30:00+00:00");
            assertThat(next("30 9 * * *", "2026-05-10T09:30:00Z", UTC)).isEqualTo("2026-05-11T09:30:00+00:00");
        }

        @Test
        void fiveFieldsTickOnWholeMinutes() {
            assertThat(next("* * * * *", "2026-05-10T10:00:30.500Z", UTC)).isEqualTo("2026-05-10T10:01:00+00:00");
            assertThat(next("* * * * *", "2026-05-10T10:01:00Z", UTC)).isEqualTo("2026-05-10T10:02:00+00:00");
        }

        @Test
        void listsPickEachListedValue() {
            assertThat(ticks("0,15,45 * * * *", "2026-05-10T10:00:00Z", "2026-05-10T23:00:00Z", UTC, 4))
                    .containsExactly("2026-05-10T10:15:00+00:00", "2026-05-10T10:45:00+00:00",
                            "2026-05-10T11:00:00+00:00", "2026-05-10T11:15:00+00:00");
        }

        @Test
        void rangesWithStepsAndRangesOfHours() {
            assertThat(ticks("10-20/5 8-9 * * *", "2026-05-10T00:00:00Z", "2026-05-12T00:00:00Z", UTC, 7))
                    .containsExactly("2026-05-10T08:10:00+00:00", "2026-05-10T08:15:00+00:00",
                            "2026-05-10T08:20:00+00:00", "2026-05-10T09:10:00+00:00", "2026-05-10T09:15:00+00:00",
                            "2026-05-10T09:20:00+00:00", "2026-05-11T08:10:00+00:00");
        }

        @Test
        void stepsOverTheWholeFieldAndFromAStartValue() {
            assertThat(ticks("*/20 * * * *", "2026-05-10T10:00:00Z", "2026-05-10T11:00:00Z", UTC, 10))
                    .containsExactly("2026-05-10T10:20:00+00:00", "2026-05-10T10:40:00+00:00",
                            "2026-05-10T11:00:00+00:00");
            assertThat(ticks("5/20 * * * *", "2026-05-10T10:00:00Z", "2026-05-10T11:00:00Z", UTC, 10))
                    .containsExactly("2026-05-10T10:05:00+00:00", "2026-05-10T10:25:00+00:00",
                            "2026-05-10T10:45:00+00:00");
            assertThat(ticks("0 */8 * * *", "2026-05-10T00:00:00Z", "2026-05-11T00:00:00Z", UTC, 10))
                    .containsExactly("2026-05-10T08:00:00+00:00", "2026-05-10T16:00:00+00:00",
                            "2026-05-11T00:00:00+00:00");
        }

        @Test
        void monthNamesInAnyCaseAndMonthRanges() {
            assertThat(ticks("0 0 1 JAN,jul *", "2026-02-01T00:00:00Z", "2028-01-01T00:00:00Z", UTC, 3))
                    .containsExactly("2026-07-01T00:00:00+00:00", "2027-01-01T00:00:00+00:00",
                            "2027-07-01T00:00:00+00:00");
            assertThat(ticks("0 0 1 mar-May *", "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z", UTC, 4))
                    .containsExactly("2026-03-01T00:00:00+00:00", "2026-04-01T00:00:00+00:00",
                            "2026-05-01T00:00:00+00:00", "2027-03-01T00:00:00+00:00");
        }

        @Test
        void weekdayNamesSkipTheWeekend() {
            // 2026-05-08 is a Friday
            assertThat(ticks("0 9 * * MON-FRI", "2026-05-08T08:00:00Z", "2026-06-01T00:00:00Z", UTC, 3))
                    .containsExactly("2026-05-08T09:00:00+00:00", "2026-05-11T09:00:00+00:00",
                            "2026-05-12T09:00:00+00:00");
            assertThat(ticks("0 9 * * mon,Wed", "2026-05-08T08:00:00Z", "2026-06-01T00:00:00Z", UTC, 3))
                    .containsExactly("2026-05-11T09:00:00+00:00", "2026-05-13T09:00:00+00:00",
                            "2026-05-18T09:00:00+00:00");
        }

        @Test
        void sundayIsZeroSevenOrSun() {
            Instant from = Instant.parse("2026-05-01T00:00:00Z");
            Instant to = Instant.parse("2026-05-31T23:59:59Z");
            List<Instant> zero = CronSchedule.parse("0 12 * * 0").ticksBetween(from, to, UTC, 100);
            assertThat(zero).hasSize(5)
                    .allSatisfy(t -> assertThat(t.atZone(UTC).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY));
            assertThat(CronSchedule.parse("0 12 * * 7").ticksBetween(from, to, UTC, 100)).isEqualTo(zero);
            assertThat(CronSchedule.parse("0 12 * * sun").ticksBetween(from, to, UTC, 100)).isEqualTo(zero);
        }

        @Test
        void weekdayRangeMayEndWithSevenForSunday() {
            // 2026-05-08 is a Friday
            assertThat(ticks("0 0 * * 5-7", "2026-05-07T12:00:00Z", "2026-05-31T00:00:00Z", UTC, 4))
                    .containsExactly("2026-05-08T00:00:00+00:00", "2026-05-09T00:00:00+00:00",
                            "2026-05-10T00:00:00+00:00", "2026-05-15T00:00:00+00:00");
        }

        @Test
        void restrictedDayOfMonthAndDayOfWeekMatchEitherOne() {
            String april = "2026-03-31T12:00:00Z";
            String aprilEnd = "2026-04-30T12:00:00Z";
            // April 2026: Fridays are the 3rd, 10th, 17th and 24th; the 13th is a Monday
            assertThat(ticks("0 0 13 * FRI", april, aprilEnd, UTC, 100)).containsExactly(
                    "2026-04-03T00:00:00+00:00", "2026-04-10T00:00:00+00:00", "2026-04-13T00:00:00+00:00",
                    "2026-04-17T00:00:00+00:00", "2026-04-24T00:00:00+00:00");
            assertThat(ticks("0 0 13 * *", april, aprilEnd, UTC, 100)).containsExactly("2026-04-13T00:00:00+00:00");
            assertThat(ticks("0 0 * * FRI", april, aprilEnd, UTC, 100)).containsExactly(
                    "2026-04-03T00:00:00+00:00", "2026-04-10T00:00:00+00:00", "2026-04-17T00:00:00+00:00",
                    "2026-04-24T00:00:00+00:00");
            // only a field written `*` is unrestricted: 1-31 restricts, so every day matches through it
            assertThat(ticks("0 0 1-31 * FRI", april, aprilEnd, UTC, 100)).hasSize(30);
        }

        @Test
        void aDayOfMonthThatNeverOccursStillLeavesTheWeekdays() {
            // 30 February never happens, but with a weekday also given the weekday alone decides
            // (February 2027: Mondays 1, 8, 15, 22)
            assertThat(ticks("0 0 30 2 MON", "2027-01-01T00:00:00Z", "2027-12-31T00:00:00Z", UTC, 100))
                    .containsExactly("2027-02-01T00:00:00+00:00", "2027-02-08T00:00:00+00:00",
                            "2027-02-15T00:00:00+00:00", "2027-02-22T00:00:00+00:00");
        }

        @Test
        void leapDayWaitsForTheNextLeapYear() {
            assertThat(next("0 0 29 2 *", "2026-03-01T00:00:00Z", UTC)).isEqualTo("2028-02-29T00:00:00+00:00");
            // 2100 is not a leap year: eight years to the next 29 February
            assertThat(next("0 0 29 2 *", "2096-03-01T00:00:00Z", UTC)).isEqualTo("2104-02-29T00:00:00+00:00");
        }

        @Test
        void theZoneDecidesWhichWallClockTheFieldsMean() {
            Instant after = Instant.parse("2026-01-15T00:00:00Z");
            CronSchedule nineAm = CronSchedule.parse("0 9 * * *");
            assertThat(nineAm.nextAfter(after, UTC)).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
            assertThat(nineAm.nextAfter(after, BERLIN)).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
            assertThat(nineAm.nextAfter(after, NEW_YORK)).isEqualTo(Instant.parse("2026-01-15T14:00:00Z"));
        }
    }

    @Nested
    class Seconds {

        @Test
        void sixFieldsPutSecondsFirst() {
            assertThat(next("*/5 * * * * *", "2026-05-10T10:00:02Z", UTC)).isEqualTo("2026-05-10T10:00:05+00:00");
            assertThat(ticks("*/5 * * * * *", "2026-05-10T10:00:00Z", "2026-05-10T10:00:20Z", UTC, 10))
                    .containsExactly("2026-05-10T10:00:05+00:00", "2026-05-10T10:00:10+00:00",
                            "2026-05-10T10:00:15+00:00", "2026-05-10T10:00:20+00:00");
            assertThat(next("30 0 12 * * *", "2026-05-10T12:00:00Z", UTC)).isEqualTo("2026-05-10T12:00:30+00:00");
            assertThat(next("30 0 12 * * *", "2026-05-10T12:00:30Z", UTC)).isEqualTo("2026-05-11T12:00:30+00:00");
        }

        @Test
        void everySecondAcrossMinuteAndHourBoundaries() {
            List<Instant> ticks = CronSchedule.parse("* * * * * *").ticksBetween(
                    Instant.parse("2026-12-31T23:59:58Z"), Instant.parse("2027-01-01T00:00:02Z"), UTC, 100);
            assertThat(ticks).containsExactly(Instant.parse("2026-12-31T23:59:59Z"),
                    Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:01Z"),
                    Instant.parse("2027-01-01T00:00:02Z"));
        }
    }

    @Nested
    class DaylightSaving {

        // Berlin: 2026-03-29 02:00 CET jumps to 03:00 CEST; 2026-10-25 03:00 CEST falls back to 02:00 CET

        @Test
        void aWallClockTimeInTheSpringGapIsSkipped() {
            assertThat(next("30 2 * * *", "2026-03-28T12:00:00Z", BERLIN)).isEqualTo("2026-03-30T02:30:00+02:00");
            assertThat(ticks("*/30 * * * *", "2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z", BERLIN, 10))
                    .containsExactly("2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00",
                            "2026-03-29T03:30:00+02:00", "2026-03-29T04:00:00+02:00");
        }

        @Test
        void aOnceAYearTimeInTheGapWaitsForNextYear() {
            // New York: 2026-03-08 02:00 EST jumps to 03:00 EDT; in 2027 the jump is on 14 March
            assertThat(next("0 2 * * *", "2026-03-07T17:00:00Z", NEW_YORK)).isEqualTo("2026-03-09T02:00:00-04:00");
            assertThat(next("15 2 8 3 *", "2026-01-01T00:00:00Z", NEW_YORK)).isEqualTo("2027-03-08T02:15:00-05:00");
        }

        @Test
        void aFixedTimeInTheRepeatedHourFiresOnce() {
            assertThat(ticks("30 2 * * *", "2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z", BERLIN, 10))
                    .containsExactly("2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00");
            // after the first 02:30 the second one (CET) does not count
            assertThat(next("30 2 * * *", "2026-10-25T00:40:00Z", BERLIN)).isEqualTo("2026-10-26T02:30:00+01:00");
            assertThat(ticks("*/20 2 * * *", "2026-10-24T23:59:00Z", "2026-10-27T00:00:00Z", BERLIN, 4))
                    .containsExactly("2026-10-25T02:00:00+02:00", "2026-10-25T02:20:00+02:00",
                            "2026-10-25T02:40:00+02:00", "2026-10-26T02:00:00+01:00");
        }

        @Test
        void anHourlyScheduleKeepsTickingThroughTheRepeatedHour() {
            assertThat(ticks("0 * * * *", "2026-10-24T23:30:00Z", "2026-10-26T00:00:00Z", BERLIN, 4))
                    .containsExactly("2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00",
                            "2026-10-25T03:00:00+01:00", "2026-10-25T04:00:00+01:00");
        }

        @Test
        void nextAfterFromInsideEitherPassOfTheRepeatedHour() {
            String quarters = "0,15,30,45 * * * *";
            // first pass (CEST): the rest of it, then the second pass from its start
            assertThat(next(quarters, "2026-10-25T00:40:00Z", BERLIN)).isEqualTo("2026-10-25T02:45:00+02:00");
            assertThat(next(quarters, "2026-10-25T00:50:00Z", BERLIN)).isEqualTo("2026-10-25T02:00:00+01:00");
            // second pass (CET)
            assertThat(next(quarters, "2026-10-25T01:20:00Z", BERLIN)).isEqualTo("2026-10-25T02:30:00+01:00");
            assertThat(next(quarters, "2026-10-25T01:50:00Z", BERLIN)).isEqualTo("2026-10-25T03:00:00+01:00");
        }

        @Test
        void halfHourlyTicksAreHalfAnHourApartAllYearRound() {
            // both changes of 2026 lie inside the window; a tick is never lost or doubled in real time
            List<Instant> ticks = CronSchedule.parse("*/30 * * * *").ticksBetween(
                    Instant.parse("2025-12-31T23:00:00Z"), Instant.parse("2026-12-31T23:00:00Z"), BERLIN, 20_000);
            assertThat(ticks).hasSize(365 * 48);
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(Duration.between(ticks.get(i - 1), ticks.get(i))).isEqualTo(Duration.ofMinutes(30));
            }
        }
    }

    @Nested
    class Macros {

        @ParameterizedTest
        @CsvSource({
                "@yearly,   2027-01-01T00:00:00Z",
                "@annually, 2027-01-01T00:00:00Z",
                "@monthly,  2026-06-01T00:00:00Z",
                "@weekly,   2026-05-17T00:00:00Z",
                "@daily,    2026-05-14T00:00:00Z",
                "@midnight, 2026-05-14T00:00:00Z",
                "@hourly,   2026-05-13T11:00:00Z",
                "@DAILY,    2026-05-14T00:00:00Z",
        })
        void macrosStandForTheirFields(String macro, String expected) {
            // 2026-05-13 is a Wednesday; @weekly is Sunday midnight
            assertThat(CronSchedule.parse(macro).nextAfter(Instant.parse("2026-05-13T10:20:30Z"), UTC))
                    .isEqualTo(Instant.parse(expected));
        }

        @Test
        void everyTicksOnMultiplesOfTheIntervalSinceTheEpoch() {
            CronSchedule every10s = CronSchedule.parse("@every 10s");
            assertThat(every10s.nextAfter(Instant.parse("2026-05-10T10:00:03.700Z"), UTC))
                    .isEqualTo(Instant.parse("2026-05-10T10:00:10Z"));
            assertThat(every10s.nextAfter(Instant.parse("2026-05-10T10:00:10Z"), UTC))
                    .isEqualTo(Instant.parse("2026-05-10T10:00:20Z"));
            assertThat(every10s.nextAfter(Instant.EPOCH.minusSeconds(3), UTC)).isEqualTo(Instant.EPOCH);
        }

        @Test
        void everyGivesEveryNodeTheSameTicksWhateverItsZoneOrStart() {
            CronSchedule every = CronSchedule.parse("@every 10s");
            Instant end = Instant.parse("2026-05-10T10:01:00Z");
            List<Instant> nodeA = every.ticksBetween(Instant.parse("2026-05-10T10:00:00.250Z"), end, UTC, 100);
            List<Instant> nodeB = every.ticksBetween(Instant.parse("2026-05-10T10:00:07Z"), end,
                    ZoneId.of("Asia/Kolkata"), 100);
            assertThat(nodeA).hasSize(6).isEqualTo(nodeB)
                    .allSatisfy(t -> assertThat(t.getEpochSecond() % 10).isZero());
        }

        @Test
        void everyWithHoursAndMinutes() {
            // 1h30m is counted from the epoch, not from the hour: 10:00Z is 3600 s past a multiple of 5400 s
            assertThat(CronSchedule.parse("@every 1h30m").nextAfter(Instant.parse("2026-05-10T10:00:00Z"), UTC))
                    .isEqualTo(Instant.parse("2026-05-10T10:30:00Z"));
            assertThat(CronSchedule.parse("@every 1h").nextAfter(Instant.parse("2026-05-10T10:20:00Z"), UTC))
                    .isEqualTo(Instant.parse("2026-05-10T11:00:00Z"));
            assertThat(CronSchedule.parse("@every 5m").ticksBetween(Instant.parse("2026-05-10T10:02:00Z"),
                    Instant.parse("2026-05-10T10:15:00Z"), UTC, 10)).containsExactly(
                    Instant.parse("2026-05-10T10:05:00Z"), Instant.parse("2026-05-10T10:10:00Z"),
                    Instant.parse("2026-05-10T10:15:00Z"));
        }
    }

    @Nested
    class Window {

        private final CronSchedule hourly = CronSchedule.parse("0 * * * *");
        private final Instant ten = Instant.parse("2026-05-10T10:00:00Z");
        private final Instant one = Instant.parse("2026-05-10T13:00:00Z");

        @Test
        void startIsExcludedEndIsIncluded() {
            assertThat(hourly.ticksBetween(ten, one, UTC, 10)).containsExactly(Instant.parse("2026-05-10T11:00:00Z"),
                    Instant.parse("2026-05-10T12:00:00Z"), one);
        }

        @Test
        void atMostMaxTicksTheEarliestFirst() {
            assertThat(hourly.ticksBetween(ten, one, UTC, 2)).containsExactly(Instant.parse("2026-05-10T11:00:00Z"),
                    Instant.parse("2026-05-10T12:00:00Z"));
            assertThat(hourly.ticksBetween(ten, one, UTC, 0)).isEmpty();
        }

        @Test
        void emptyWindowsGiveNoTicks() {
            assertThat(hourly.ticksBetween(ten, ten, UTC, 10)).isEmpty();
            assertThat(CronSchedule.parse("0 0 1 1 *").ticksBetween(ten, one.plus(Duration.ofDays(30)), UTC, 10))
                    .isEmpty();
            assertThat(CronSchedule.parse("@every 1h").ticksBetween(ten, ten.plusSeconds(3599), UTC, 10)).isEmpty();
        }

        @Test
        void badWindowOrMaxIsRejected() {
            assertThatThrownBy(() -> hourly.ticksBetween(one, ten, UTC, 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
            assertThatThrownBy(() -> hourly.ticksBetween(ten, one, UTC, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max must not be negative");
        }
    }

    @Test
    void expressionAndToStringGiveTheTextAsWritten() {
        CronSchedule schedule = CronSchedule.parse("  */5 9-17 * * MON-FRI ");
        assertThat(schedule.expression()).isEqualTo("*/5 9-17 * * MON-FRI");
        assertThat(schedule).hasToString("*/5 9-17 * * MON-FRI");
        assertThat(CronSchedule.parse("@every 1h30m").expression()).isEqualTo("@every 1h30m");
    }

    @Nested
    class Errors {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "61 * * * *          | minute field: 61 is out of range 0-59",
                "* 24 * * *          | hour field: 24 is out of range 0-23",
                "* * 0 * *           | day-of-month field: 0 is out of range 1-31",
                "* * 32 * *          | day-of-month field: 32 is out of range 1-31",
                "* * * 13 *          | month field: 13 is out of range 1-12",
                "* * * * 8           | day-of-week field: 8 is out of range 0-7",
                "60 * * * * *        | second field: 60 is out of range 0-59",
                "99999999999 * * * * | minute field: 99999999999 is out of range 0-59",
                "5-70 * * * *        | minute field: 70 is out of range 0-59",
                "*/0 * * * *         | minute field: step 0 is out of range 1-59 in */0",
                "*/60 * * * *        | minute field: step 60 is out of range 1-59 in */60",
                "*/ * * * *          | minute field: step is missing in */",
                "*/x * * * *         | minute field: step x is not a number in */x",
                "1/2/3 * * * *       | minute field: step 2/3 is not a number in 1/2/3",
                "30-10 * * * *       | minute field: range 30-10 goes backwards",
                "-5 * * * *          | minute field: missing value in -5",
                "abc * * * *         | minute field: abc is not a number",
                "MON * * * *         | minute field: MON is not a number",
                "* * * FOO *         | month field: FOO is not a number or month name (JAN-DEC)",
                "* * * * MON-FUN     | day-of-week field: FUN is not a number or weekday name (SUN-SAT)",
                "* * * * * JAN       | day-of-week field: JAN is not a number or weekday name (SUN-SAT)",
                "1,,2 * * * *        | minute field: empty element in list 1,,2",
                "0 0 30 2 *          | day-of-month field: 30 never occurs in month 2",
                "0 0 31 4,6,9,11 *   | day-of-month field: 31 never occurs in month 4,6,9,11",
                "* * * *             | expected 5 fields (minute hour day-of-month month day-of-week) or 6 (second first), got 4",
                "* * * * * * *       | expected 5 fields (minute hour day-of-month month day-of-week) or 6 (second first), got 7",
                "@fortnightly        | unknown macro @fortnightly, expected one of @yearly,",
                "@daily 5            | @daily takes nothing after it",
                "@every              | @every takes one duration such as 10s, 5m, 1h or 1h30m",
                "@every 10x          | @every: 10x is not a duration such as 10s, 5m, 1h or 1h30m",
                "@every 30m1h        | @every: 30m1h is not a duration",
                "@every -5s          | @every: -5s is not a duration",
                "@every 0h0s         | @every: 0h0s must be longer than zero",
        })
        void invalidExpressionsNameTheFieldAndTheBadValue(String expression, String message) {
            assertThatThrownBy(() -> CronSchedule.parse(expression))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message)
                    .hasMessageEndingWith("(in \"" + expression + "\")");
        }

        @Test
        void theWholeMessageOfAnOutOfRangeValue() {
            assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("minute field: 61 is out of range 0-59 (in \"61 * * * *\")");
        }

        @Test
        void nullIsRejected() {
            assertThatThrownBy(() -> CronSchedule.parse(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("cron expression is null");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t\n"})
        void blankIsRejected(String blank) {
            assertThatThrownBy(() -> CronSchedule.parse(blank))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("cron expression is blank");
        }
    }
}
