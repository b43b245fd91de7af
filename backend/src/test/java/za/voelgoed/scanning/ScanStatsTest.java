package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScanStatsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:30Z");
    private static final UUID SHOW = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID D1 = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID D2 = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void theWindowIsSixtyMinutesOldestFirstEndingWithThisMinute() {
        List<Long> window = ScanStats.window(NOW);
        assertThat(window).hasSize(60);
        assertThat(window.getLast()).isEqualTo(ScanStats.minuteOf(NOW));
        assertThat(window.getFirst()).isEqualTo(ScanStats.minuteOf(NOW) - 59);
        assertThat(ScanStats.minuteOf(Instant.parse("2026-12-02T12:00:00Z")))
                .isEqualTo(ScanStats.minuteOf(Instant.parse("2026-12-02T12:00:59.999Z")));
    }

    @Test
    void anEmptyShowHasSixtyZeroMinutesAndNoGates() {
        ScanStats.Snapshot s = ScanStats.snapshot(SHOW, NOW, new ScanStats.Headcount(0, 0, 0), Map.of(),
                Map.of());
        assertThat(s.perMinute()).hasSize(60).allMatch(m -> m.accepted() == 0 && m.rejected() == 0);
        assertThat(s.perMinute().getFirst().minute().toInstant()).isEqualTo(Instant.parse("2026-12-02T11:01:00Z"));
        assertThat(s.perMinute().getLast().minute().toInstant()).isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(s.gates()).isEmpty();
        assertThat(s.devices()).isEmpty();
        assertThat(s.rejectedByReason()).isEmpty();
        assertThat(s.inside()).isZero();
        assertThat(s.exited()).isZero();
    }

    @Test
    void rowsFromPostgreSqlBecomeTheSameFieldsRedisCounts() {
        Instant early = NOW.minusSeconds(600);
        List<ScanStats.Row> rows = List.of(
                new ScanStats.Row("North", D1, "ok", 3, early),
                new ScanStats.Row("North", D1, "already_redeemed", 2, NOW),
                new ScanStats.Row("South|B", D2, "ok", 1, early),
                new ScanStats.Row("South|B", D2, "invalid", 4, early),
                new ScanStats.Row("South|B", null, "ok", 5, early),
                new ScanStats.Row("North", D2, "ok", 1, NOW));
        Map<String, String> totals = ScanStats.totalsOf(rows);
        assertThat(totals).containsEntry("a", "10").containsEntry("r", "6")
                .containsEntry("r|already_redeemed", "2").containsEntry("r|invalid", "4")
                .containsEntry("g|North|a", "4").containsEntry("g|North|r", "2")
                .containsEntry("g|South|B|a", "6").containsEntry("g|South|B|r", "4")
                .containsEntry("d|" + D1 + "|a", "3").containsEntry("d|" + D2 + "|a", "2")
                .containsEntry("d|" + D2 + "|gate", "North")
                .containsEntry("g|North|last", Long.toString(NOW.toEpochMilli()));
        long m = ScanStats.minuteOf(early);
        Map<Long, Map<String, String>> minutes = ScanStats.minutesOf(List.of(
                new ScanStats.MinuteRow(m, "North", "ok", 3), new ScanStats.MinuteRow(m, "South|B", "invalid", 4),
                new ScanStats.MinuteRow(m - 500, "North", "ok", 9)));

        ScanStats.Snapshot s = ScanStats.snapshot(SHOW, NOW, new ScanStats.Headcount(10, 7, 3), totals,
                minutes);

        assertThat(s.accepted()).isEqualTo(10);
        assertThat(s.rejected()).isEqualTo(6);
        assertThat(s.admitted()).isEqualTo(10);
        assertThat(s.inside()).isEqualTo(7);
        assertThat(s.exited()).isEqualTo(3);
        assertThat(s.rejectedByReason()).containsExactly(Map.entry("already_redeemed", 2L), Map.entry("invalid", 4L));
        assertThat(s.gates()).extracting(ScanStats.GateStats::gate).containsExactly("North", "South|B");
        ScanStats.GateStats south = s.gates().get(1);
        assertThat(south.accepted()).isEqualTo(6);
        assertThat(south.rejected()).isEqualTo(4);
        assertThat(south.lastScanAt().toInstant()).isEqualTo(early);
        assertThat(south.perMinute()).hasSize(60);
        assertThat(south.perMinute().get(49).rejected()).isEqualTo(4);
        // a minute outside the window is not read
        assertThat(s.perMinute().stream().mapToLong(ScanStats.Minute::accepted).sum()).isEqualTo(3);
        assertThat(s.perMinute().get(49).accepted()).isEqualTo(3);
        assertThat(s.perMinute().get(49).rejected()).isEqualTo(4);
        assertThat(s.devices()).extracting(ScanStats.DeviceStats::deviceId).containsExactly(D1, D2);
        assertThat(s.devices().get(0).accepted()).isEqualTo(3);
        assertThat(s.devices().get(0).rejected()).isEqualTo(2);
        assertThat(s.devices().get(0).gate()).isEqualTo("North");
        assertThat(s.devices().get(1).lastScanAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void onlyOkIsAccepted() {
        assertThat(ScanStats.kind("ok")).isEqualTo("a");
        for (ScanResult r : ScanResult.values()) {
            assertThat(ScanStats.kind(r.wire())).isEqualTo(r == ScanResult.OK ? "a" : "r");
        }
    }
}
