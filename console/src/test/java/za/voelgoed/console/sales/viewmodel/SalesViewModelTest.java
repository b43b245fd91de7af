package za.voelgoed.console.sales.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.console.api.Sales;
import za.voelgoed.console.viewmodel.FakeTopics;
import za.voelgoed.console.viewmodel.Tasks;

/** The sales page's logic without a toolkit: what it follows, when it re-reads, what it shows. */
class SalesViewModelTest {

    private final UUID org = UUID.randomUUID();
    private final UUID showA = UUID.randomUUID();
    private final UUID showB = UUID.randomUUID();
    private final FakeTopics topics = new FakeTopics();
    private final AtomicInteger orgReads = new AtomicInteger();
    private final List<UUID> showReads = new ArrayList<>();
    private long sold = 3;
    private SalesViewModel model;

    @BeforeEach
    void setUp() {
        model = new SalesViewModel(Tasks.direct(), topics, org, this::orgSales, this::showSales,
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    }

    private Sales.OrgSales orgSales() {
        orgReads.incrementAndGet();
        Sales.Totals totals = new Sales.Totals(100, sold, 2, 100 - sold - 2, 0, sold * 15_000, "ZAR");
        return new Sales.OrgSales(org, Instant.now(), 40 + sold, "epoch-1", totals, List.of(),
                List.of(new Sales.Show(showA, "Opening night", Instant.now(), "on_sale", 60, sold, 2, 58 - sold,
                                sold * 15_000),
                        new Sales.Show(showB, "Matinee", Instant.now(), "on_sale", 40, 0, 0, 40, 0)),
                List.of(new Sales.Sale(UUID.randomUUID(), showA, "Opening night", 1, 15_000, "ZAR", Instant.now())));
    }

    private Sales.ShowSales showSales(UUID show) {
        showReads.add(show);
        Sales.Totals totals = new Sales.Totals(60, sold, 2, 58 - sold, 0, sold * 15_000, "ZAR");
        return new Sales.ShowSales(show, "Opening night", Instant.now(), 50, "epoch-1", totals,
                List.of(new Sales.Category("A", 15_000, 60, sold, 2, 58 - sold, sold * 15_000)),
                List.of(), List.of(), List.of());
    }

    @Test
    void aHiddenPageHoldsNoTopicAndReadsNothing() {
        model.tick(0);
        assertThat(topics.heldTopics()).isEmpty();
        model.activate();
        model.tick(0);
        model.deactivate();
        assertThat(topics.heldTopics()).isEmpty();
        assertThat(model.followedTopics()).isEmpty();
    }

    @Test
    void showsTheSnapshotAndFollowsTheOrgsSalesAndEveryShowsHolds() {
        model.activate();
        model.tick(0);
        assertThat(model.loaded().get()).isTrue();
        assertThat(model.totals().get().sold()).isEqualTo(3);
        assertThat(model.revenue().get()).isEqualTo("R 450.00");
        assertThat(model.shows()).extracting(Sales.Show::name).containsExactly("Opening night", "Matinee");
        assertThat(topics.heldTopics()).containsExactlyInAnyOrder("ticketing:org:" + org,
                "seating:event:" + showA, "seating:event:" + showB);
        assertThat(topics.snapshots()).containsExactly("ticketing:org:" + org + "@43");
    }

    @Test
    void aBurstOfLiveEventsIsOneReReadAtTheNextTickThatMay() {
        model.activate();
        model.tick(0);
        sold = 10;
        for (int i = 0; i < 500; i++) {
            topics.emit("ticketing:org:" + org, "ticket.sold.v1", Map.of("n", i));
        }
        model.tick(100);
        assertThat(model.totals().get().sold()).isEqualTo(3);
        model.tick(300);
        assertThat(model.totals().get().sold()).isEqualTo(10);
        assertThat(orgReads).hasValue(2);
        assertThat(model.redraws()).isEqualTo(2);
    }

    @Test
    void aHoldOnAShowsSeatingTopicAlsoRefreshes() {
        model.activate();
        model.tick(0);
        topics.emit("seating:event:" + showB, "hold.created.v1", Map.of());
        model.tick(1_000);
        assertThat(orgReads).hasValue(2);
    }

    @Test
    void pausedHoldsBackReadsAndCatchesUpOnResume() {
        model.activate();
        model.tick(0);
        model.paused().set(true);
        sold = 7;
        topics.emit("ticketing:org:" + org, "ticket.sold.v1", Map.of());
        model.tick(1_000);
        assertThat(model.totals().get().sold()).isEqualTo(3);
        model.paused().set(false);
        model.tick(2_000);
        assertThat(model.totals().get().sold()).isEqualTo(7);
    }

    @Test
    void choosingAShowReadsItsCategoriesAndFollowsOnlyItsHolds() {
        model.activate();
        model.tick(0);
        model.selectedShow().set(showA);
        model.tick(1_000);
        assertThat(showReads).containsExactly(showA);
        assertThat(model.categories()).extracting(Sales.Category::category).containsExactly("A");
        assertThat(model.lineRows()).extracting(r -> r.get().name() + " " + r.get().sold()).containsExactly("A 3");
        assertThat(model.totals().get().capacity()).isEqualTo(60);
        assertThat(topics.heldTopics()).containsExactlyInAnyOrder("ticketing:org:" + org, "seating:event:" + showA);
        model.selectedShow().set(null);
        model.tick(2_000);
        assertThat(model.categories()).isEmpty();
        assertThat(model.lineRows()).isEmpty();
        assertThat(model.title().get()).isEqualTo("All shows");
    }

    @Test
    void aReadWithNewFiguresUpdatesTheTablesRowsInPlace() {
        model.activate();
        model.tick(0);
        var rows = List.copyOf(model.showRows());
        List<String> changes = new ArrayList<>();
        model.showRows().addListener((javafx.collections.ListChangeListener<Object>) c -> changes.add("shows"));
        sold = 9;
        topics.emit("ticketing:org:" + org, "ticket.sold.v1", Map.of());
        model.tick(1_000);

        assertThat(changes).isEmpty(); // the table is not told its items changed: it keeps its cells and selection
        assertThat(model.showRows()).containsExactlyElementsOf(rows);
        assertThat(model.showRows()).extracting(r -> r.get().name() + " " + r.get().sold())
                .containsExactly("Opening night 9", "Matinee 0");
    }

    @Test
    void aResetAfterAReconnectReReads() {
        model.activate();
        model.tick(0);
        topics.reset("ticketing:org:" + org);
        model.tick(1_000);
        assertThat(orgReads).hasValue(2);
    }
}
