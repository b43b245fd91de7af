package za.voelgoed.console.checkin.viewmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import za.voelgoed.console.api.BackendException;
import za.voelgoed.console.api.OrgApi;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.viewmodel.Command;
import za.voelgoed.console.viewmodel.PageModel;
import za.voelgoed.console.viewmodel.Problems;
import za.voelgoed.console.viewmodel.Shows;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * The check-in desk: a person with a USB scanner (a keyboard that types the code and Enter) admits the holders of
 * one show. The desk scans in its own scan session ({@value #GATE}, entry), one per show, opened with the first scan
 * for that show (a console that never scans opens none) and kept while the console runs: back on a show, the desk
 * scans in the session it had; the console closes them when it exits ({@link #closeSessions}). Every code is
 * one {@code POST …/scanning/scans} with a fresh nonce, answered one at a time in the order scanned, so a fast
 * scanner never has two scans racing. The answer is shown large with its colour ({@link Verdict}), the last
 * {@value #HISTORY} answers under it. A manual search (order id, name or e-mail) lists tickets with a "Check in"
 * that scans the ticket's code the same way. After every answer {@link #focusRequests()} counts up: the view puts
 * the cursor back in the scan field, so the next scan is never typed into a button or the search box.
 */
public final class CheckInViewModel extends PageModel {

    public static final String GATE = "Check-in desk";
    static final int HISTORY = 8;

    /** What the desk does at the backend. */
    public interface Desk {
        Sales.OrgSales shows() throws Exception;

        Scanning.Session open(UUID show) throws Exception;

        Scanning.ScanAnswer scan(String code, UUID session, String nonce) throws Exception;

        List<Scanning.TicketMatch> search(UUID show, String q) throws Exception;

        void close(UUID session) throws Exception;

        /** The desk's calls through the organisation's REST API. */
        static Desk of(OrgApi api) {
            return new Desk() {
                @Override
                public Sales.OrgSales shows() {
                    return api.sales();
                }

                @Override
                public Scanning.Session open(UUID show) {
                    return api.openSession(show, GATE, "entry");
                }

                @Override
                public Scanning.ScanAnswer scan(String code, UUID session, String nonce) {
                    return api.scan(code, session, nonce);
                }

                @Override
                public List<Scanning.TicketMatch> search(UUID show, String q) {
                    return api.searchTickets(show, q);
                }

                @Override
                public void close(UUID session) {
                    api.closeSession(session);
                }
            };
        }
    }

    private static final Logger LOG = Logger.getLogger(CheckInViewModel.class.getName());
    private static final String READY = "Ready: the desk opens its scan session with the first scan.";

    private final Tasks tasks;
    private final Desk desk;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProperty<UUID> selectedShow = new SimpleObjectProperty<>();
    private final ObservableList<Sales.Show> shows = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Verdict> history = FXCollections.observableArrayList();
    private final ObservableList<Scanning.TicketMatch> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper searchNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sessionNote = new ReadOnlyStringWrapper("Pick a show to start checking in.");
    private final ReadOnlyIntegerWrapper focusRequests = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final Deque<String> pending = new ArrayDeque<>();
    private final Command search = new Command(this::runSearch);
    /** The desk's open session per show, in the order opened; read and changed on the UI thread only. */
    private final Map<UUID, Scanning.Session> sessions = new LinkedHashMap<>();
    private boolean scanning;
    private String lastSearch;

    public CheckInViewModel(Tasks tasks, Desk desk, Clock clock, ZoneId zone) {
        this.tasks = tasks;
        this.desk = desk;
        this.clock = clock;
        this.zone = zone;
        selectedShow.addListener((o, was, now) -> {
            pending.clear();
            waiting.set(0);
            matches.clear();
            searchNote.set("");
            lastSearch = null;
            sessionNote.set(now == null ? "Pick a show to start checking in."
                    : sessions.containsKey(now) ? scanningNote() : READY);
        });
    }

    @Override
    public void activate() {
        tasks.run(desk::shows, orgSales -> {
            if (!shows.equals(orgSales.shows())) {
                shows.setAll(orgSales.shows());
            }
            if (selectedShow.get() == null) {
                // the desk opens on tonight's show (or the next); the person at the desk may pick another
                selectedShow.set(Shows.defaultShow(orgSales.shows(),
                        clock.instant()));
            }
            updated(clock.instant());
        }, this::failed);
        focusRequests.set(focusRequests.get() + 1);
    }

    /** The desk holds no live subscription; its sessions stay open for when the page shows again. */
    @Override
    public void deactivate() {
    }

    @Override
    public void tick(long nowMs) {
    }

    /** Enter in the scan field: the typed (or scanned) code is queued and the field cleared for the next one. */
    public void submitScan() {
        String typed = code.get() == null ? "" : code.get().strip();
        code.set("");
        if (!typed.isEmpty()) {
            enqueue(typed);
        }
        focusRequests.set(focusRequests.get() + 1);
    }

    /** "Check in" on a search result: scans that ticket's code like a scanner would. */
    public void checkIn(Scanning.TicketMatch match) {
        enqueue(match.code());
    }

    private void enqueue(String ticketCode) {
        if (selectedShow.get() == null) {
            answer(Verdict.problem("Pick a show first: the desk scans for one show at a time.", clock.instant()));
            return;
        }
        pending.addLast(ticketCode);
        waiting.set(pending.size());
        pump();
    }

    /** Sends the oldest waiting code once the previous answer is in and the session is open. */
    private void pump() {
        if (scanning || pending.isEmpty()) {
            return;
        }
        UUID show = selectedShow.get();
        Scanning.Session session = sessions.get(show);
        if (session == null) {
            openSession(show);
            return;
        }
        String next = pending.pollFirst();
        waiting.set(pending.size());
        scanning = true;
        UUID sessionId = session.id();
        tasks.run(() -> desk.scan(next, sessionId, UUID.randomUUID().toString()), answer -> {
            scanning = false;
            if (show.equals(selectedShow.get())) {
                answer(Verdict.of(answer, clock.instant(), zone));
                refreshSearch();
            }
            pump();
        }, e -> {
            scanning = false;
            if (e instanceof BackendException b && b.kind() == BackendException.Kind.REFUSED
                    && b.code() != null && b.code().contains("session")) {
                sessions.remove(show); // closed by staff elsewhere: the next scan opens a new one
            }
            answer(Verdict.problem(Problems.sentence(e), clock.instant()));
            pump();
        });
    }

    private void openSession(UUID show) {
        scanning = true;
        sessionNote.set("Opening the desk's scan session…");
        tasks.run(() -> desk.open(show), opened -> {
            scanning = false;
            sessions.put(show, opened); // kept even if the show changed meanwhile: the desk may come back to it
            if (show.equals(selectedShow.get())) {
                sessionNote.set(scanningNote());
            }
            pump();
        }, e -> {
            scanning = false;
            if (!show.equals(selectedShow.get())) {
                pump(); // codes scanned for the show picked meanwhile
                return;
            }
            String sentence = "Could not open the desk's scan session: " + Problems.sentence(e);
            sessionNote.set(sentence);
            if (!pending.isEmpty()) {
                pending.clear();
                waiting.set(0);
                answer(Verdict.problem(sentence, clock.instant()));
            }
        });
    }

    private static String scanningNote() {
        return "Scanning at " + GATE + " (entry).";
    }

    /**
     * Closes the desk's sessions at the backend, for the console's exit: waits at most {@code bound} (the window is
     * closing; a backend that does not answer must not hold it), and a session it could not close stays open at the
     * backend for staff to close. Call on the UI thread; the desk forgets its sessions either way.
     */
    public void closeSessions(Duration bound) {
        List<UUID> open = sessions.values().stream().map(Scanning.Session::id).toList();
        sessions.clear();
        if (open.isEmpty()) {
            return;
        }
        Thread closing = Thread.ofVirtual().name("check-in-close").start(() -> {
            for (UUID id : open) {
                try {
                    desk.close(id);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "could not close the desk's scan session " + id + ": " + e.getMessage());
                }
            }
        });
        try {
            if (!closing.join(bound)) {
                LOG.warning("the desk's scan sessions were not all closed within " + bound.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids of the desk's open sessions, oldest first. */
    public List<UUID> openSessions() {
        return sessions.values().stream().map(Scanning.Session::id).toList();
    }

    private void answer(Verdict v) {
        updated(clock.instant());
        verdict.set(v);
        history.addFirst(v);
        if (history.size() > HISTORY) {
            history.remove(HISTORY, history.size());
        }
        focusRequests.set(focusRequests.get() + 1);
    }

    private void runSearch() {
        UUID show = selectedShow.get();
        String q = query.get() == null ? "" : query.get().strip();
        if (show == null) {
            searchNote.set("Pick a show first.");
            search.finished();
            return;
        }
        if (q.length() < 2 || q.length() > 100) {
            searchNote.set("Type 2 to 100 characters: an order id, or part of a name or e-mail address.");
            search.finished();
            return;
        }
        lastSearch = q;
        searchNote.set("Searching…");
        tasks.run(() -> desk.search(show, q), found -> {
            search.finished();
            if (!show.equals(selectedShow.get())) {
                return;
            }
            matches.setAll(found);
            searchNote.set(found.isEmpty() ? "No ticket of this show matches." : found.size() == 1 ? "1 ticket."
                    : found.size() + " tickets" + (found.size() >= 20 ? " (the first 20: narrow the search)." : "."));
        }, e -> {
            search.finished();
            searchNote.set(Problems.sentence(e));
        });
    }

    /** After a check-in, the listed tickets show their new admission time. */
    private void refreshSearch() {
        UUID show = selectedShow.get();
        String q = lastSearch;
        if (q == null || matches.isEmpty() || search.running().get()) {
            return;
        }
        tasks.run(() -> desk.search(show, q), found -> {
            if (show.equals(selectedShow.get()) && q.equals(lastSearch)) {
                matches.setAll(found);
            }
        }, e -> { });
    }

    public ObjectProperty<UUID> selectedShow() {
        return selectedShow;
    }

    public ObservableList<Sales.Show> shows() {
        return shows;
    }

    /** The scan field's text. */
    public StringProperty code() {
        return code;
    }

    /** The search box's text. */
    public StringProperty query() {
        return query;
    }

    public Command search() {
        return search;
    }

    /** The newest answer; null before the first scan. */
    public ReadOnlyObjectProperty<Verdict> verdict() {
        return verdict.getReadOnlyProperty();
    }

    /** The last answers, newest first. */
    public ObservableList<Verdict> history() {
        return history;
    }

    public ObservableList<Scanning.TicketMatch> matches() {
        return matches;
    }

    public ReadOnlyStringProperty searchNote() {
        return searchNote.getReadOnlyProperty();
    }

    /** Whether the desk's session is open, or why not. */
    public ReadOnlyStringProperty sessionNote() {
        return sessionNote.getReadOnlyProperty();
    }

    /** Counts up whenever the scan field should have the cursor again (after every answer). */
    public ReadOnlyIntegerProperty focusRequests() {
        return focusRequests.getReadOnlyProperty();
    }

    /** Codes scanned but not yet sent (a fast scanner's queue). */
    public ReadOnlyIntegerProperty waiting() {
        return waiting.getReadOnlyProperty();
    }

    /**
     * Whether a click on the page should hand the cursor back to the scan field: yes, unless the click went to a
     * control that takes typing (the search box) — the scanner must never type into a button or a table.
     */
    public static boolean returnFocusAfterClick(boolean targetTakesText) {
        return !targetTakesText;
    }
}
