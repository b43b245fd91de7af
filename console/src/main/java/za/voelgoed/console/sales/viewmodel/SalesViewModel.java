package za.voelgoed.console.sales.viewmodel;

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
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.live.LiveConnection;
import za.voelgoed.console.live.Topics;
import za.voelgoed.console.viewmodel.Money;
import za.voelgoed.console.viewmodel.PageModel;
import za.voelgoed.console.viewmodel.Refresher;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * Live sales for the organisation or one show. The numbers always come from the backend's sales
 * snapshot, which is kept from counters; live events on {@code ticketing:org:{org}} (sales, refunds) and
 * {@code seating:event:{show}} (holds) only say that it changed, and the page re-reads it at most four
 * times a second. So a reconnect, a replay or a missed event can never count a sale twice or lose one:
 * the next read is right.
 */
public final class SalesViewModel extends PageModel {

    /** Shows whose hold topics the organisation view follows at once; more would cost the gateway for little. */
    static final int MAX_FOLLOWED_SHOWS = 25;
    private static final long MIN_READ_INTERVAL_MS = 250;

    private final Topics topics;
    private final UUID org;
    private final Clock clock;
    private final Refresher<Object> refresher;
    private final ObjectProperty<UUID> selectedShow = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("All shows");
    private final ReadOnlyObjectWrapper<Sales.Totals> totals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper revenue = new ReadOnlyStringWrapper("—");
    private final ReadOnlyObjectWrapper<List<Sales.Minute>> perMinute = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<Sales.Show> shows = FXCollections.observableArrayList();
    private final ObservableList<Sales.Sale> latest = FXCollections.observableArrayList();
    private final ObservableList<Sales.Category> categories = FXCollections.observableArrayList();
    private final ObservableList<Sales.TicketTypeLine> ticketTypes = FXCollections.observableArrayList();
    private final Map<String, LiveConnection.Handle> held = new LinkedHashMap<>();
    private volatile boolean active;

    public SalesViewModel(Tasks tasks, Topics topics, UUID org, Callable<Sales.OrgSales> orgSales,
                          Function<UUID, Sales.ShowSales> showSales, Clock clock) {
        this.topics = topics;
        this.org = org;
        this.clock = clock;
        this.refresher = new Refresher<>(tasks, MIN_READ_INTERVAL_MS, () -> {
            UUID show = selectedShow.get();
            return show == null ? orgSales.call() : new ShowRead(show, orgSales.call(), showSales.apply(show));
        }, this::show, this::failed);
        selectedShow.addListener((o, was, now) -> {
            refresher.invalidate();
            if (active) {
                follow();
            }
        });
    }

    private record ShowRead(UUID show, Sales.OrgSales org, Sales.ShowSales sales) {
    }

    @Override
    public void activate() {
        active = true;
        follow();
        refresher.invalidate();
    }

    @Override
    public void deactivate() {
        active = false;
        held.values().forEach(LiveConnection.Handle::close);
        held.clear();
    }

    @Override
    public void tick(long nowMs) {
        if (!paused().get()) {
            refresher.tick(nowMs);
        }
    }

    /**
     * Re-reads as soon as an event says the figures changed (unless paused or hidden), not at the next pulse:
     * a sale shows up to a tick sooner. The application turns it on; tests drive reads with {@link #tick}.
     */
    public SalesViewModel readAsSoonAsChanged() {
        refresher.eager(clock::millis, () -> active && !paused().get());
        return this;
    }

    /** The show to look at, or null for the whole organisation. */
    public ObjectProperty<UUID> selectedShow() {
        return selectedShow;
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sales.Totals> totals() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revenue() {
        return revenue.getReadOnlyProperty();
    }

    /** Sales per minute over the last hour, oldest first. */
    public ReadOnlyObjectProperty<List<Sales.Minute>> perMinute() {
        return perMinute.getReadOnlyProperty();
    }

    public ObservableList<Sales.Show> shows() {
        return shows;
    }

    /** The newest sales first. */
    public ObservableList<Sales.Sale> latest() {
        return latest;
    }

    public ObservableList<Sales.Category> categories() {
        return categories;
    }

    public ObservableList<Sales.TicketTypeLine> ticketTypes() {
        return ticketTypes;
    }

    /** How many snapshot reads live events have caused so far. */
    public long reads() {
        return refresher.reads();
    }

    private void show(Object read) {
        Sales.OrgSales orgSales = read instanceof ShowRead s ? s.org() : (Sales.OrgSales) read;
        replaceIfChanged(shows, orgSales.shows());
        if (read instanceof ShowRead s && s.show().equals(selectedShow.get())) {
            Sales.ShowSales sales = s.sales();
            title.set(sales.name());
            totals.set(sales.totals());
            perMinute.set(sales.perMinute());
            replaceIfChanged(latest, sales.latest());
            replaceIfChanged(categories, sales.categories());
            replaceIfChanged(ticketTypes, sales.ticketTypes());
            handleFor("ticketing:org:" + org).snapshotTaken(sales.offset(), sales.epoch(), sales.takenAt());
        } else if (selectedShow.get() == null) {
            title.set("All shows");
            totals.set(orgSales.totals());
            perMinute.set(orgSales.perMinute());
            replaceIfChanged(latest, orgSales.latest());
            categories.clear();
            ticketTypes.clear();
            handleFor("ticketing:org:" + org).snapshotTaken(orgSales.offset(), orgSales.epoch(), orgSales.takenAt());
        } else {
            refresher.invalidate(); // the selection changed while this read was in flight
            return;
        }
        revenue.set(totals.get() == null ? "—" : Money.format(totals.get().revenueCents(), totals.get().currency()));
        if (active) {
            follow();
        }
        updated(clock.instant());
    }

    /** Holds the topics the current view needs and lets go of the rest. */
    private void follow() {
        List<String> wanted = new ArrayList<>();
        wanted.add("ticketing:org:" + org);
        UUID show = selectedShow.get();
        if (show != null) {
            wanted.add("seating:event:" + show);
        } else {
            shows.stream().limit(MAX_FOLLOWED_SHOWS).forEach(s -> wanted.add("seating:event:" + s.eventId()));
        }
        held.keySet().removeIf(topic -> {
            if (!wanted.contains(topic)) {
                held.get(topic).close();
                return true;
            }
            return false;
        });
        for (String topic : wanted) {
            held.computeIfAbsent(topic, t -> topics.subscribe(t,
                    LiveConnection.TopicListener.of(message -> refresher.invalidate(), refresher::invalidate)));
        }
    }

    /** The topics this page holds now (tests check that a hidden page holds none). */
    public List<String> followedTopics() {
        return List.copyOf(held.keySet());
    }

    private LiveConnection.Handle handleFor(String topic) {
        LiveConnection.Handle handle = held.get(topic);
        return handle != null ? handle : NO_HANDLE;
    }

    private static final LiveConnection.Handle NO_HANDLE = new LiveConnection.Handle() {
        @Override
        public void snapshotTaken(long offset, String epoch, java.time.Instant takenAt) {
        }

        @Override
        public void close() {
        }
    };

    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> next) {
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }
}
