package za.voelgoed.console.gates.viewmodel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import za.voelgoed.console.api.BackendException;
import za.voelgoed.console.api.OrgApi;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.api.Scanning;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.Topics;
import za.voelgoed.console.viewmodel.Command;
import za.voelgoed.console.viewmodel.Money;
import za.voelgoed.console.viewmodel.PageModel;
import za.voelgoed.console.viewmodel.Problems;
import za.voelgoed.console.viewmodel.Refresher;
import za.voelgoed.console.viewmodel.Shows;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * A show's gates: how many are inside, scans per minute per gate over the last hour, accepted and rejected by
 * reason, the scanners with their last scan and whether they are connected, and the double admissions. As on the
 * sales page the figures come from the backend's snapshot ({@code …/scanning/stats}); events on
 * {@code scanning:org:{org}} (scans) and presence changes on {@code audit:org:{org}} only mark it stale, and it is
 * re-read at most four times a second, one read at a time (ADR 0021). Without events it is re-read every
 * {@link #QUIET_REREAD_MS} so that scanners' online state and the minute window move on.
 */
public final class GatesViewModel extends PageModel {

    static final long MIN_READ_INTERVAL_MS = 250;
    /** How many double admissions the page lists (the report's first, in the order they were recorded). */
    public static final int CONFLICTS_SHOWN = 200;
    static final long QUIET_REREAD_MS = 15_000;
    private static final String PRESENCE_EVENT = "presence.changed.v1";

    /** What the backend reads for the page; conflicts and presence are optional (another release may lack them). */
    public interface Source {
        Sales.OrgSales shows() throws Exception;

        Scanning.Stats stats(UUID show) throws Exception;

        Scanning.Presence presence() throws Exception;

        /** The show's first {@link #CONFLICTS_SHOWN} double admissions and how many it has. */
        Scanning.Conflicts conflicts(UUID show) throws Exception;

        /** The double-admission report as the backend's CSV, to be saved as it comes. */
        String conflictsCsv(UUID show) throws Exception;

        /** The page's reads through the organisation's REST API. */
        static Source of(OrgApi api) {
            return new Source() {
                @Override
                public Sales.OrgSales shows() {
                    return api.sales();
                }

                @Override
                public Scanning.Stats stats(UUID show) {
                    return api.scanStats(show);
                }

                @Override
                public Scanning.Presence presence() {
                    return api.presence();
                }

                @Override
                public Scanning.Conflicts conflicts(UUID show) {
                    return api.conflicts(show, CONFLICTS_SHOWN);
                }

                @Override
                public String conflictsCsv(UUID show) {
                    return api.conflictsCsv(show);
                }
            };
        }
    }

    private record Read(Sales.OrgSales org, UUID show, Scanning.Stats stats, Scanning.Presence presence,
                        List<Scanning.Conflict> conflicts, String conflictsNote) {
    }

    private final Topics topics;
    private final UUID org;
    private final Clock clock;
    private final Tasks tasks;
    private final Source source;
    private final Refresher<Read> refresher;
    private final ObjectProperty<UUID> selectedShow = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Gates");
    private final ReadOnlyObjectWrapper<Scanning.Stats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper inside = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper accepted = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper rejected = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper perMinuteNow = new ReadOnlyStringWrapper("—");
    private final ReadOnlyObjectWrapper<Map<String, List<Scanning.Minute>>> perGate =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<Sales.Show> shows = FXCollections.observableArrayList();
    private final ObservableList<GateLines.Gate> gates = FXCollections.observableArrayList();
    private final ObservableList<GateLines.Device> devices = FXCollections.observableArrayList();
    private final ObservableList<GateLines.Reason> reasons = FXCollections.observableArrayList();
    private final ObservableList<Scanning.Conflict> conflicts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper conflictsNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportOutcome = new ReadOnlyStringWrapper("");
    private final List<LiveConnection.Handle> held = new ArrayList<>();
    private final List<String> heldTopics = new ArrayList<>();
    private final Command export;
    private Path exportTarget;
    private long lastReadMs = Long.MIN_VALUE / 2;
    private volatile boolean active;

    public GatesViewModel(Tasks tasks, Topics topics, UUID org, Source source, Clock clock) {
        this.tasks = tasks;
        this.topics = topics;
        this.org = org;
        this.clock = clock;
        this.source = source;
        this.refresher = new Refresher<>(tasks, MIN_READ_INTERVAL_MS, () -> read(source), this::show, this::failed);
        this.export = new Command(this::writeExport);
        export.executable().bind(javafx.beans.binding.Bindings.isNotEmpty(conflicts));
        selectedShow.addListener((o, was, now) -> refresher.invalidate());
    }

    private Read read(Source source) throws Exception {
        Sales.OrgSales orgSales = source.shows();
        UUID show = selectedShow.get();
        if (show == null) {
            show = Shows.defaultShow(orgSales.shows(), clock.instant());
        }
        if (show == null) {
            return new Read(orgSales, null, null, null, List.of(), "");
        }
        Scanning.Stats s = source.stats(show);
        Scanning.Presence presence;
        try {
            presence = source.presence();
        } catch (BackendException e) {
            presence = null; // online state unknown: shown as offline rather than failing the page
        }
        List<Scanning.Conflict> found = List.of();
        String note = "";
        try {
            Scanning.Conflicts page = source.conflicts(show);
            found = page.items();
            if (page.total() > found.size()) {
                note = "Showing the first " + Money.count(found.size()) + " of " + Money.count(page.total())
                        + " double admissions; Export CSV… saves them all.";
            }
        } catch (BackendException e) {
            note = e.kind() == BackendException.Kind.NOT_FOUND
                    ? "This backend has no double-admission report yet." : Problems.sentence(e);
        }
        return new Read(orgSales, show, s, presence, found, note);
    }

    @Override
    public void activate() {
        active = true;
        if (held.isEmpty()) {
            heldTopics.addAll(List.of("scanning:org:" + org, "audit:org:" + org));
            held.add(topics.subscribe("scanning:org:" + org,
                    LiveConnection.TopicListener.of(m -> refresher.invalidate(), refresher::invalidate)));
            held.add(topics.subscribe("audit:org:" + org, LiveConnection.TopicListener.of(m -> {
                if (PRESENCE_EVENT.equals(m.event())) {
                    refresher.invalidate();
                }
            }, refresher::invalidate)));
        }
        refresher.invalidate();
    }

    @Override
    public void deactivate() {
        active = false;
        held.forEach(LiveConnection.Handle::close);
        held.clear();
        heldTopics.clear();
    }

    @Override
    public void tick(long nowMs) {
        if (!active || paused().get()) {
            return;
        }
        if (nowMs - lastReadMs >= QUIET_REREAD_MS) {
            refresher.invalidate();
        }
        long before = refresher.reads();
        refresher.tick(nowMs);
        if (refresher.reads() != before) {
            lastReadMs = nowMs;
        }
    }

    /** Re-reads as soon as an event says something changed (the application's mode; tests drive {@link #tick}). */
    public GatesViewModel readAsSoonAsChanged() {
        refresher.eager(clock::millis, () -> active && !paused().get());
        return this;
    }

    private void show(Read read) {
        replaceIfChanged(shows, read.org().shows());
        UUID chosen = selectedShow.get();
        if (chosen != null && !chosen.equals(read.show())) {
            refresher.invalidate(); // the choice changed while this read was in flight
            return;
        }
        if (chosen == null && read.show() != null) {
            selectedShow.set(read.show()); // the default show becomes the choice; the next read is the same show
        }
        if (read.stats() == null) {
            title.set("No shows yet");
            updated(clock.instant());
            return;
        }
        Scanning.Stats s = read.stats();
        title.set(read.org().shows().stream().filter(x -> x.eventId().equals(read.show())).map(Sales.Show::name)
                .findFirst().orElse("Gates"));
        stats.set(s);
        inside.set(Money.count(s.inside() != null ? s.inside() : s.admitted()));
        accepted.set(Money.count(s.accepted()));
        rejected.set(Money.count(s.rejected()));
        Scanning.Minute last = s.perMinute().isEmpty() ? null : s.perMinute().getLast();
        perMinuteNow.set(last == null ? "0" : Money.count(last.accepted() + last.rejected()));
        Map<String, List<Scanning.Minute>> byGate = new LinkedHashMap<>();
        s.gates().forEach(g -> byGate.put(g.gate(), g.perMinute()));
        if (!byGate.equals(perGate.get())) {
            perGate.set(byGate);
        }
        replaceIfChanged(gates, GateLines.gates(s));
        replaceIfChanged(devices, GateLines.devices(s, read.presence()));
        replaceIfChanged(reasons, GateLines.reasons(s.rejectedByReason()));
        replaceIfChanged(conflicts, read.conflicts());
        conflictsNote.set(read.conflictsNote());
        updated(clock.instant());
    }

    /**
     * Saves the show's double-admission report to {@code file} (chosen by the view's file dialog): the backend's
     * own CSV ({@code …/scanning/conflicts.csv}), downloaded with the console's token and written byte for byte, so
     * the console and the API never disagree on columns or on how a cell is escaped.
     */
    public boolean exportConflicts(Path file) {
        exportTarget = file;
        return export.execute();
    }

    private void writeExport() {
        Path file = exportTarget;
        UUID show = selectedShow.get();
        exportOutcome.set("Downloading the double-admission report…");
        tasks.run(() -> save(show, file), rows -> {
            export.finished();
            exportOutcome.set("Saved " + rows + (rows == 1 ? " double admission" : " double admissions") + " to "
                    + file.getFileName() + ".");
        }, e -> {
            export.finished();
            exportOutcome.set(e instanceof IOException io
                    ? "Could not write " + file.getFileName() + ": " + (io.getMessage() == null
                            ? io.getClass().getSimpleName() : io.getMessage()) + "."
                    : "Could not download the double-admission report: " + Problems.sentence(e));
        });
    }

    /** Downloads first, so that a failed download leaves no half-written file behind; returns the rows saved. */
    private int save(UUID show, Path file) throws Exception {
        String csv = source.conflictsCsv(show);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return Math.max(0, records(csv) - 1);
    }

    /** CSV records (RFC 4180): line ends outside quoted cells; a gate name may hold a line break. */
    static int records(String csv) {
        int records = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
            }
        }
        return csv.isEmpty() || csv.endsWith("\n") ? records : records + 1;
    }

    public Command export() {
        return export;
    }

    public ObjectProperty<UUID> selectedShow() {
        return selectedShow;
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scanning.Stats> stats() {
        return stats.getReadOnlyProperty();
    }

    /** People inside now ({@code inside} of the stats; before a backend counts exits, everyone admitted). */
    public ReadOnlyStringProperty inside() {
        return inside.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accepted() {
        return accepted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejected() {
        return rejected.getReadOnlyProperty();
    }

    /** Scans in the newest minute, all gates. */
    public ReadOnlyStringProperty perMinuteNow() {
        return perMinuteNow.getReadOnlyProperty();
    }

    /** Each gate's minutes over the last hour, oldest first. */
    public ReadOnlyObjectProperty<Map<String, List<Scanning.Minute>>> perGate() {
        return perGate.getReadOnlyProperty();
    }

    public ObservableList<Sales.Show> shows() {
        return shows;
    }

    public ObservableList<GateLines.Gate> gates() {
        return gates;
    }

    public ObservableList<GateLines.Device> devices() {
        return devices;
    }

    public ObservableList<GateLines.Reason> reasons() {
        return reasons;
    }

    public ObservableList<Scanning.Conflict> conflicts() {
        return conflicts;
    }

    /** Why the double-admission report is missing, as a sentence; empty when it was read. */
    public ReadOnlyStringProperty conflictsNote() {
        return conflictsNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportOutcome() {
        return exportOutcome.getReadOnlyProperty();
    }

    /** The topics this page holds now (a hidden page holds none). */
    public List<String> followedTopics() {
        return List.copyOf(heldTopics);
    }

    public long reads() {
        return refresher.reads();
    }

    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> next) {
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }
}
