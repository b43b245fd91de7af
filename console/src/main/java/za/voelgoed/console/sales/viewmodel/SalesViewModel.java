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
import za.voelgoed.console.viewmodel.InPlace;
import za.voelgoed.console.viewmodel.LiveRow;
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
    private final ObservableList<LiveRow<Sales.Show>> showRows = FXCollections.observableArrayList();
    private final ObservableList<LiveRow<Line>> lineRows = FXCollections.observableArrayList();
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

    /** A line of a show's breakdown table: a category (kind "category") or a ticket type ("ticket-type"). */
    public record Line(String kind, String name, long capacity, long sold, long held, long available,
                       long revenueCents) {

        static Line of(Sales.Category c) {
            return new Line("category", c.category(), c.capacity(), c.sold(), c.held(), c.available(),
                    c.revenueCents());
        }

        static Line of(Sales.TicketTypeLine t) {
            return new Line("ticket-type", t.ticketType(), t.capacity(), t.sold(), t.held(), t.available(),
                    t.revenueCents());
        }

        Object key() {
            return List.of(kind, name);
        }
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

    /** The organisation's shows as plain values (the show picker, the wall); a new list whenever a figure changes. */
    public ObservableList<Sales.Show> shows() {
        return shows;
    }

    /** The same shows as rows that keep their identity while their figures change (the shows table). */
    public ObservableList<LiveRow<Sales.Show>> showRows() {
        return showRows;
    }

    /** The chosen show's categories, then its ticket types, as rows updated in place (the breakdown table). */
    public ObservableList<LiveRow<Line>> lineRows() {
        return lineRows;
    }

    /** The newest sales first; new sales are inserted at the head, so a table moves its rows instead of remaking them. */
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
        InPlace.rows(showRows, orgSales.shows(), Sales.Show::eventId);
        if (read instanceof ShowRead s && s.show().equals(selectedShow.get())) {
            Sales.ShowSales sales = s.sales();
            title.set(sales.name());
            setIfChanged(totals, sales.totals());
            setIfChanged(perMinute, sales.perMinute());
            InPlace.feed(latest, sales.latest());
            replaceIfChanged(categories, sales.categories());
            replaceIfChanged(ticketTypes, sales.ticketTypes());
            List<Line> lines = new ArrayList<>();
            sales.categories().forEach(c -> lines.add(Line.of(c)));
            sales.ticketTypes().forEach(t -> lines.add(Line.of(t)));
            InPlace.rows(lineRows, lines, Line::key);
            handleFor("ticketing:org:" + org).snapshotTaken(sales.offset(), sales.epoch(), sales.takenAt());
        } else if (selectedShow.get() == null) {
            title.set("All shows");
            setIfChanged(totals, orgSales.totals());
            setIfChanged(perMinute, orgSales.perMinute());
            InPlace.feed(latest, orgSales.latest());
            replaceIfChanged(categories, List.of());
            replaceIfChanged(ticketTypes, List.of());
            InPlace.rows(lineRows, List.of(), Line::key);
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

    /** An object property fires on every new instance; a read that brought equal figures should redraw nothing. */
    private static <T> void setIfChanged(ReadOnlyObjectWrapper<T> property, T next) {
        if (!java.util.Objects.equals(property.get(), next)) {
            property.set(next);
        }
    }

    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> next) {
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }
}
