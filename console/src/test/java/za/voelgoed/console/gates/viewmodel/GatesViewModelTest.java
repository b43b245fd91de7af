package za.voelgoed.console.gates.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import za.voelgoed.console.api.BackendException;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Shows;
import za.voelgoed.console.viewmodel.Tasks;

/** The gates page's logic without a toolkit: topics only while shown, events invalidate, what it shows. */
class GatesViewModelTest {

    private static final Instant NOW = Instant.parse("2027-03-01T17:30:00Z");
    private final UUID org = UUID.randomUUID();
    private final UUID tonight = UUID.randomUUID();
    private final UUID nextWeek = UUID.randomUUID();
    private final UUID scanner = UUID.randomUUID();
    private final UUID offlineScanner = UUID.randomUUID();
    private final FakeTopics topics = new FakeTopics();
    private final List<UUID> statsReads = new ArrayList<>();
    private long accepted = 5;
    private Long inside = null;
    private boolean conflictsRoute = true;
    private long conflictsTotal = 1;
    private boolean backendDown;
    /** What the backend's {@code conflicts.csv} answers: a gate name with a line break and a defused formula. */
    private static final String BACKEND_CSV = "ticket_id,ticket_type,seat_index,admitted_scan_id,admitted_at\r\n"
            + "t1,ga,,s1,2027-03-01T17:30:00Z,\"North\r\nside\",'=South\r\n";

    private final GatesViewModel.Source source = new GatesViewModel.Source() {
        @Override
        public Sales.OrgSales shows() {
            return new Sales.OrgSales(org, NOW, 1, "e", null, List.of(), List.of(
                    new Sales.Show(nextWeek, "Next week", NOW.plusSeconds(7 * 86_400), "on_sale", 1, 0, 0, 1, 0),
                    new Sales.Show(tonight, "Tonight", NOW.minusSeconds(3_600), "on_sale", 1, 0, 0, 1, 0)), List.of());
        }

        @Override
        public Scanning.Stats stats(UUID show) {
            statsReads.add(show);
            List<Scanning.Minute> minutes = List.of(new Scanning.Minute(NOW.minusSeconds(60), 2, 0),
                    new Scanning.Minute(NOW, 3, 1));
            return new Scanning.Stats(show, NOW, accepted, 4, Map.of("invalid", 1L, "already_redeemed", 3L), accepted,
                    inside, null, minutes,
                    List.of(new Scanning.GateStats("North", accepted, 4, minutes, NOW)),
                    List.of(new Scanning.DeviceStats(scanner, "North", 3, 1, NOW),
                            new Scanning.DeviceStats(offlineScanner, "North", 2, 3, NOW.minusSeconds(600))));
        }

        @Override
        public Scanning.Presence presence() {
            return new Scanning.Presence(List.of(new Scanning.Connection(UUID.randomUUID(), "ws", "device", scanner,
                    NOW), new Scanning.Connection(UUID.randomUUID(), "ws", "owner", null, NOW)));
        }

        @Override
        public Scanning.Conflicts conflicts(UUID show) {
            if (!conflictsRoute) {
                throw new BackendException(BackendException.Kind.NOT_FOUND, 404, null, "Not found.", null, null);
            }
            return new Scanning.Conflicts(List.of(new Scanning.Conflict(UUID.randomUUID(), "ga", null,
                    new Scanning.Admitted(UUID.randomUUID(), NOW, "North", scanner),
                    new Scanning.Conflicting(UUID.randomUUID(), offlineScanner, "=South", NOW, NOW))), conflictsTotal);
        }

        @Override
        public String conflictsCsv(UUID show) {
            if (backendDown) {
                throw new BackendException(BackendException.Kind.UNREACHABLE, 0, null,
                        "The backend at http://x cannot be reached: is it running, and is the address right?", null,
                        null);
            }
            return BACKEND_CSV;
        }
    };

    private GatesViewModel model() {
        return new GatesViewModel(Tasks.direct(), topics, org, source, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void holdsItsTopicsOnlyWhileShown() {
        GatesViewModel model = model();
        model.tick(0);
        assertThat(topics.heldTopics()).isEmpty();
        assertThat(statsReads).isEmpty();
        model.activate();
        assertThat(topics.heldTopics()).containsExactlyInAnyOrder("scanning:org:" + org, "audit:org:" + org);
        assertThat(model.followedTopics()).hasSize(2);
        model.deactivate();
        assertThat(topics.heldTopics()).isEmpty();
        assertThat(model.followedTopics()).isEmpty();
    }

    @Test
    void picksTonightsShowAndShowsInsideGatesReasonsAndScannersOnline() {
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        assertThat(model.selectedShow().get()).isEqualTo(tonight);
        assertThat(statsReads).containsExactly(tonight);
        assertThat(model.title().get()).isEqualTo("Tonight");
        assertThat(model.inside().get()).as("before exits are counted, inside is everyone admitted").isEqualTo("5");
        assertThat(model.accepted().get()).isEqualTo("5");
        assertThat(model.rejected().get()).isEqualTo("4");
        assertThat(model.perMinuteNow().get()).isEqualTo("4");
        assertThat(model.gates()).containsExactly(new GateLines.Gate("North", 5, 4, 4, NOW));
        assertThat(model.perGate().get()).containsOnlyKeys("North");
        assertThat(model.reasons()).extracting(GateLines.Reason::reason).containsExactly("already_redeemed",
                "invalid");
        assertThat(model.devices()).extracting(GateLines.Device::deviceId, GateLines.Device::online)
                .containsExactly(tuple(scanner, true),
                        tuple(offlineScanner, false));
        assertThat(model.conflicts()).hasSize(1);
        assertThat(model.conflictsNote().get()).isEmpty();
        assertThat(model.loaded().get()).isTrue();

        inside = 2L;
        model.tick(1_000_000);
        assertThat(model.inside().get()).as("the backend's inside count once it has one").isEqualTo("2");
    }

    @Test
    void scanEventsOnlyInvalidateAndReadsStayAtMostFourASecond() {
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        int reads = statsReads.size();
        for (int i = 0; i < 500; i++) {
            topics.emit("scanning:org:" + org, "scan.accepted.v1", Map.of("ticket_id", UUID.randomUUID().toString()));
        }
        assertThat(statsReads).as("events alone read nothing").hasSize(reads);
        accepted = 6;
        model.tick(100);
        assertThat(statsReads).as("not before the interval").hasSize(reads);
        model.tick(300);
        assertThat(statsReads).hasSize(reads + 1);
        assertThat(model.accepted().get()).isEqualTo("6");
        model.tick(400);
        assertThat(statsReads).as("nothing changed since").hasSize(reads + 1);
        topics.emit("audit:org:" + org, "dlq.replayed.v1", Map.of());
        model.tick(10_000);
        assertThat(statsReads).as("other audit events are not presence").hasSize(reads + 1);
        topics.emit("audit:org:" + org, "presence.changed.v1", Map.of());
        model.tick(10_300);
        assertThat(statsReads).hasSize(reads + 2);
        model.tick(10_300 + GatesViewModel.QUIET_REREAD_MS);
        assertThat(statsReads).as("a quiet page re-reads now and then").hasSize(reads + 3);
    }

    @Test
    void aPausedPageReadsNothingAndCatchesUpOnResume() {
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        int reads = statsReads.size();
        model.paused().set(true);
        topics.emit("scanning:org:" + org, "scan.accepted.v1", Map.of());
        model.tick(5_000);
        assertThat(statsReads).hasSize(reads);
        model.paused().set(false);
        model.tick(5_100);
        assertThat(statsReads).hasSize(reads + 1);
    }

    @Test
    void aReportLongerThanThePageSaysHowManyAreNotListed() {
        conflictsTotal = 1_234;
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        assertThat(model.conflicts()).hasSize(1);
        assertThat(model.conflictsNote().get())
                .isEqualTo("Showing the first 1 of 1 234 double admissions; Export CSV… saves them all.");
        assertThat(model.export().executable().get()).isTrue();
    }

    @Test
    void aBackendWithoutTheReportSaysSoAndShowsTheRest() {
        conflictsRoute = false;
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        assertThat(model.accepted().get()).isEqualTo("5");
        assertThat(model.conflicts()).isEmpty();
        assertThat(model.conflictsNote().get()).isEqualTo("This backend has no double-admission report yet.");
        assertThat(model.export().executable().get()).isFalse();
    }

    @Test
    void exportSavesTheBackendsCsvAsItCame(@TempDir Path dir) throws Exception {
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        Path file = dir.resolve("double.csv");
        assertThat(model.exportConflicts(file)).isTrue();
        assertThat(Files.readString(file)).as("the backend's bytes, not a copy of its writer")
                .isEqualTo(BACKEND_CSV);
        assertThat(model.exportOutcome().get()).isEqualTo("Saved 1 double admission to double.csv.");
        assertThat(model.export().running().get()).isFalse();
    }

    @Test
    void aFailedDownloadIsASentenceAndLeavesNoFile(@TempDir Path dir) {
        GatesViewModel model = model();
        model.activate();
        model.tick(0);
        backendDown = true;
        Path file = dir.resolve("double.csv");
        assertThat(model.exportConflicts(file)).isTrue();
        assertThat(model.exportOutcome().get()).isEqualTo("Could not download the double-admission report: "
                + "The backend at http://x cannot be reached: is it running, and is the address right?");
        assertThat(file).doesNotExist();
        assertThat(model.export().running().get()).isFalse();
        assertThat(model.export().executable().get()).as("the user may try again").isTrue();
    }

    @Test
    void csvRecordsEndOutsideQuotes() {
        assertThat(GatesViewModel.records(BACKEND_CSV)).isEqualTo(2);
        assertThat(GatesViewModel.records("a,b\r\nc,d")).isEqualTo(2);
        assertThat(GatesViewModel.records("")).isZero();
    }

    @Test
    void theDefaultShowIsTonightsOrTheNextElseTheLatest() {
        Sales.Show past = new Sales.Show(UUID.randomUUID(), "Past", NOW.minusSeconds(86_400 * 30), "", 0, 0, 0, 0, 0);
        Sales.Show older = new Sales.Show(UUID.randomUUID(), "Older", NOW.minusSeconds(86_400 * 60), "", 0, 0, 0, 0, 0);
        assertThat(Shows.defaultShow(List.of(older, past), NOW)).isEqualTo(past.eventId());
        assertThat(Shows.defaultShow(List.of(), NOW)).isNull();
    }
}
