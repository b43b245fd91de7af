package za.voelgoed.console.checkin.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.BackendException;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.checkin.viewmodel.Verdict.Tone;
import za.voelgoed.console.viewmodel.Tasks;

/** The check-in desk's logic without a toolkit: one session per show, scans in order, answers, search, focus. */
class CheckInViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T17:30:00Z"), ZoneOffset.UTC);
    private final UUID show = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final List<UUID> opened = new ArrayList<>();
    private final List<UUID> sessionIds = new ArrayList<>();
    private final List<UUID> closed = new ArrayList<>();
    private final List<String> scanned = new ArrayList<>();
    private final Map<String, Instant> admitted = new HashMap<>();
    private final List<String> nonces = new ArrayList<>();
    private boolean backendDown;
    private boolean sessionClosed;

    /** A desk that admits each known code once, like the backend, in memory. */
    private final CheckInViewModel.Desk desk = new CheckInViewModel.Desk() {
        @Override
        public Sales.OrgSales shows() {
            return new Sales.OrgSales(UUID.randomUUID(), Instant.now(), 1, "e", null, List.of(),
                    List.of(new Sales.Show(show, "Opening night", Instant.now(), "on_sale", 10, 2, 0, 8, 0)), List.of());
        }

        @Override
        public Scanning.Session open(UUID event) {
            opened.add(event);
            Scanning.Session session = new Scanning.Session(UUID.randomUUID(), event, CheckInViewModel.GATE, "entry",
                    null);
            sessionIds.add(session.id());
            return session;
        }

        @Override
        public void close(UUID session) {
            closed.add(session);
        }

        @Override
        public Scanning.ScanAnswer scan(String code, UUID session, String nonce) {
            if (backendDown) {
                throw new BackendException(BackendException.Kind.UNREACHABLE, 0, null,
                        "The backend at http://x cannot be reached: is it running, and is the address right?", null,
                        null);
            }
            if (sessionClosed) {
                throw new BackendException(BackendException.Kind.REFUSED, 409, "session_closed",
                        "The backend refused the request.", "the scan session is closed", null);
            }
            scanned.add(code);
            nonces.add(nonce);
            if (!code.startsWith("T")) {
                return new Scanning.ScanAnswer("invalid", "the code is not a ticket of this organisation", null, null,
                        null);
            }
            Scanning.Ticket ticket = new Scanning.Ticket(UUID.randomUUID(), show, "ga", null, "valid");
            Instant first = admitted.putIfAbsent(code, Instant.parse("2027-03-01T17:00:00Z"));
            return first == null ? new Scanning.ScanAnswer("ok", null, ticket, null, null)
                    : new Scanning.ScanAnswer("already_redeemed", "the ticket was already admitted", ticket,
                            new Scanning.FirstAdmitted(first, CheckInViewModel.GATE, null), null);
        }

        @Override
        public List<Scanning.TicketMatch> search(UUID event, String q) {
            return List.of(new Scanning.TicketMatch(UUID.randomUUID(), "T-nomsa", UUID.randomUUID(), "Nomsa", "ga", 3,
                    "valid", admitted.get("T-nomsa")));
        }
    };

    private CheckInViewModel model(Tasks tasks) {
        CheckInViewModel model = new CheckInViewModel(tasks, desk, CLOCK, ZoneOffset.UTC);
        model.activate();
        return model;
    }

    private static void scan(CheckInViewModel model, String code) {
        model.code().set(code);
        model.submitScan();
    }

    @Test
    void theFirstScanOpensTheShowsSessionWhichTheDeskKeepsUntilTheConsoleCloses() {
        CheckInViewModel model = model(Tasks.direct());
        assertThat(model.shows()).hasSize(1);
        assertThat(model.selectedShow().get()).as("the desk opens on the show of the day").isEqualTo(show);
        assertThat(opened).as("showing the desk and picking a show open nothing").isEmpty();
        assertThat(model.sessionNote().get()).startsWith("Ready");
        scan(model, "T1");
        assertThat(opened).containsExactly(show);
        assertThat(model.sessionNote().get()).isEqualTo("Scanning at Check-in desk (entry).");
        scan(model, "T2");
        model.deactivate();
        model.activate();
        scan(model, "T3");
        assertThat(opened).as("one session for the show, kept across scans and page changes").hasSize(1);
        model.selectedShow().set(other);
        assertThat(opened).as("another show opens its session with its first scan").hasSize(1);
        scan(model, "T4");
        model.selectedShow().set(show);
        assertThat(model.sessionNote().get()).isEqualTo("Scanning at Check-in desk (entry).");
        scan(model, "T5");
        assertThat(opened).as("back on a show, the desk scans in the session it had").containsExactly(show, other);
        assertThat(model.openSessions()).isEqualTo(sessionIds);

        model.closeSessions(Duration.ofSeconds(5));
        assertThat(closed).isEqualTo(sessionIds);
        assertThat(model.openSessions()).isEmpty();
        model.closeSessions(Duration.ofSeconds(5));
        assertThat(closed).as("closing twice (window close, then exit) closes once").hasSize(2);
    }

    @Test
    void aSessionClosedByStaffElsewhereIsReplacedAtTheNextScan() {
        CheckInViewModel model = model(Tasks.direct());
        scan(model, "T1");
        sessionClosed = true;
        scan(model, "T2");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.PROBLEM);
        sessionClosed = false;
        scan(model, "T2");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.ADMITTED);
        assertThat(opened).containsExactly(show, show);
        assertThat(model.openSessions()).containsExactly(sessionIds.get(1));
    }

    @Test
    void aCodeAndEnterIsAnsweredGreenThenTheSameCodeRedWithTheFirstAdmission() {
        CheckInViewModel model = model(Tasks.direct());
        model.selectedShow().set(show);
        scan(model, "  T1 ");
        assertThat(model.code().get()).as("the field is cleared for the next scan").isEmpty();
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.ADMITTED);
        scan(model, "T1");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.REFUSED);
        assertThat(model.verdict().get().headline()).isEqualTo("Already admitted");
        assertThat(model.verdict().get().detail()).isEqualTo("First admitted at 17:00:00 at Check-in desk.");
        assertThat(model.history()).extracting(Verdict::headline).containsExactly("Already admitted", "Admitted");
        assertThat(scanned).containsExactly("T1", "T1");
        assertThat(nonces).as("every scan its own nonce").doesNotHaveDuplicates();
    }

    @Test
    void anEmptyEnterSendsNothingAndTheHistoryKeepsTheLastEight() {
        CheckInViewModel model = model(Tasks.direct());
        model.selectedShow().set(show);
        scan(model, "   ");
        assertThat(scanned).isEmpty();
        assertThat(model.verdict().get()).isNull();
        for (int i = 0; i < 12; i++) {
            scan(model, "X" + i);
        }
        assertThat(model.history()).hasSize(CheckInViewModel.HISTORY);
        assertThat(model.history().getFirst().tone()).isEqualTo(Tone.REFUSED);
    }

    @Test
    void scansWaitForTheAnswerBeforeAndGoInTheOrderScanned() {
        List<Runnable> later = new ArrayList<>();
        Tasks queued = new Tasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<? super Exception> failed) {
                later.add(() -> Tasks.direct().run(work, done, failed));
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }
        };
        CheckInViewModel model = model(queued);
        later.removeFirst().run(); // the shows
        model.selectedShow().set(show);
        scan(model, "T1");
        scan(model, "T2");
        scan(model, "T3");
        assertThat(model.waiting().get()).isEqualTo(3);
        while (!later.isEmpty()) {
            assertThat(later).as("one request in flight at a time").hasSize(1);
            later.removeFirst().run();
        }
        assertThat(opened).hasSize(1);
        assertThat(scanned).containsExactly("T1", "T2", "T3");
        assertThat(model.waiting().get()).isZero();
    }

    @Test
    void withoutAShowOrABackendTheAnswerIsASentence() {
        CheckInViewModel model = model(Tasks.direct());
        model.selectedShow().set(null);
        scan(model, "T1");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.PROBLEM);
        assertThat(model.verdict().get().detail()).startsWith("Pick a show first");
        model.selectedShow().set(show);
        backendDown = true;
        scan(model, "T1");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.PROBLEM);
        assertThat(model.verdict().get().detail()).startsWith("The backend at http://x cannot be reached");
        backendDown = false;
        scan(model, "T1");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.ADMITTED);
    }

    @Test
    void theScanFieldGetsTheCursorBackAfterEveryAnswerAndEveryClickButOnAField() {
        CheckInViewModel model = model(Tasks.direct());
        model.selectedShow().set(show);
        int before = model.focusRequests().get();
        scan(model, "T1");
        int afterScan = model.focusRequests().get();
        assertThat(afterScan).isGreaterThan(before);
        model.query().set("nomsa");
        model.search().execute();
        model.checkIn(model.matches().getFirst());
        assertThat(model.focusRequests().get()).isGreaterThan(afterScan);
        assertThat(CheckInViewModel.returnFocusAfterClick(false)).isTrue();
        assertThat(CheckInViewModel.returnFocusAfterClick(true)).isFalse();
    }

    @Test
    void searchListsMatchesAndACheckInScansTheTicketsCodeAndShowsItsAdmission() {
        CheckInViewModel model = model(Tasks.direct());
        model.selectedShow().set(show);
        model.query().set("n");
        model.search().execute();
        assertThat(model.searchNote().get()).startsWith("Type 2 to 100 characters");
        assertThat(model.matches()).isEmpty();
        model.query().set("nomsa");
        model.search().execute();
        assertThat(model.searchNote().get()).isEqualTo("1 ticket.");
        assertThat(model.matches().getFirst().admittedAt()).isNull();
        model.checkIn(model.matches().getFirst());
        assertThat(scanned).containsExactly("T-nomsa");
        assertThat(model.verdict().get().tone()).isEqualTo(Tone.ADMITTED);
        assertThat(model.matches().getFirst().admittedAt()).as("the list is read again").isNotNull();
        assertThat(model.search().running().get()).isFalse();
    }
}
