package za.voelgoed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.events.Events;
import za.voelgoed.events.EventsSlice;
import za.voelgoed.orgs.Orgs;
import za.voelgoed.payments.PaymentsSlice;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.sales.SalesSlice;
import za.voelgoed.scanning.ScanningSlice;
import za.voelgoed.scanning.Scans;
import za.voelgoed.seating.SeatingSlice;
import za.voelgoed.shared.topic.TopicFamily;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.ticketing.PaymentCapture;
import za.voelgoed.ticketing.PaymentReconciliation;
import za.voelgoed.ticketing.TicketingSlice;
import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/**
 * Each slice's wiring on its own: wired over a running node's platform into a wiring of its own, it declares
 * exactly its routes, workers, topic owners, start-up work and parts to close, and what it declares works
 * against the real database.
 */
class SliceWiringIT {

    static BackendNode node;
    static Platform platform;
    final List<Wiring> wired = new ArrayList<>();

    @BeforeAll
    static void start() {
        node = BackendNode.start(TestEnv.config());
        platform = node.platform();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void closeWhatTheSlicesBuilt() throws Exception {
        for (Wiring wiring : wired) {
            for (AutoCloseable part : wiring.closeables()) {
                part.close();
            }
        }
    }

    @Test
    void eventsServesShowsAndOwnsTheirTopics() {
        EventsSlice events = new EventsSlice();
        Wiring wiring = wire(events);

        assertThat(paths(wiring)).containsExactly("/api/orgs/{orgId}/events");
        assertThat(wiring.topicOwners()).containsOnlyKeys(TopicFamily.Scope.EVENT);
        assertThat(wiring.workers()).isEmpty();

        UUID org = platform.orgs().create(Actor.admin(), new Orgs.NewOrg("Wiring", "wiring-" + shortId())).id();
        UUID show = events.events().create(Actor.admin(), org,
                new Events.NewEvent("Opening night", "2031-05-01T18:00:00Z", "2031-05-01T22:00:00Z", "Main hall")).id();
        var owner = wiring.topicOwners().get(TopicFamily.Scope.EVENT);
        assertThat(owner.apply(show)).contains(org);
        assertThat(owner.apply(UUID.randomUUID())).isEmpty();
    }

    @Test
    void seatingServesHoldsReloadsInventoryOnStartAndClosesItsSweepers() {
        EventsSlice events = new EventsSlice();
        wire(events);
        SeatingSlice seating = new SeatingSlice(events);
        Wiring wiring = wire(seating);

        assertThat(paths(wiring)).containsExactly("/api/orgs/{orgId}/events/{eventId}");
        assertThat(wiring.onStart()).hasSize(1);
        assertThat(wiring.closeables()).containsExactly(seating.seating());
        assertThat(wiring.topicOwners()).isEmpty();
        wiring.onStart().forEach(Runnable::run);
    }

    @Test
    void ticketingServesOrdersAndKeysRunsPaymentWorkersAndOwnsOrderTopics() {
        EventsSlice events = new EventsSlice();
        SeatingSlice seating = new SeatingSlice(events);
        PaymentsSlice payments = new PaymentsSlice();
        wire(events);
        wire(seating);
        Wiring paymentsWiring = wire(payments);
        TicketingSlice ticketing = new TicketingSlice(seating, payments);
        Wiring wiring = wire(ticketing);

        assertThat(paymentsWiring.routes()).isEmpty();
        assertThat(paymentsWiring.workers()).isEmpty();
        assertThat(paths(wiring)).containsExactly("/api/orgs/{orgId}", "/api/orgs/{orgId}/ticket-keys");
        assertThat(wiring.workers()).extracting(Worker::name)
                .containsExactly(PaymentCapture.NAME, PaymentReconciliation.NAME);
        assertThat(wiring.topicOwners()).containsOnlyKeys(TopicFamily.Scope.ORDER);
        assertThat(wiring.topicOwners().get(TopicFamily.Scope.ORDER).apply(UUID.randomUUID())).isEmpty();
        assertThat(wiring.closeables()).containsExactly(ticketing.orders());
    }

    @Test
    void salesServesTheLiveSalesRoutesAndRunsNothing() {
        EventsSlice events = new EventsSlice();
        SeatingSlice seating = new SeatingSlice(events);
        wire(events);
        wire(seating);
        SalesSlice sales = new SalesSlice(seating);
        Wiring wiring = wire(sales);

        assertThat(paths(wiring))
                .containsExactly("/api/orgs/{orgId}/sales", "/api/orgs/{orgId}/events/{eventId}/sales");
        assertThat(wiring.workers()).isEmpty();
        assertThat(wiring.consumers()).isEmpty();
        assertThat(wiring.topicOwners()).isEmpty();
        UUID org = platform.orgs().create(Actor.admin(), new Orgs.NewOrg("Sales wiring", "sales-" + shortId())).id();
        assertThat(sales.sales().ofOrg(org).perMinute()).hasSize(60);
    }

    @Test
    void scanningServesSessionsAndScansAndOwnsSessionTopics() {
        EventsSlice events = new EventsSlice();
        SeatingSlice seating = new SeatingSlice(events);
        PaymentsSlice payments = new PaymentsSlice();
        TicketingSlice ticketing = new TicketingSlice(seating, payments);
        wire(events);
        wire(seating);
        wire(payments);
        wire(ticketing);
        Wiring wiring = wire(new ScanningSlice(events, ticketing));

        assertThat(paths(wiring)).containsExactly("/api/orgs/{orgId}/scanning");
        assertThat(wiring.topicOwners()).containsOnlyKeys(TopicFamily.Scope.SESSION);
        // the scans' journal (its writer thread) is closed with the node
        assertThat(wiring.closeables()).hasOnlyElementsOfType(Scans.class).hasSize(1);
        assertThat(wiring.topicOwners().get(TopicFamily.Scope.SESSION).apply(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aSliceWiredBeforeTheOneItTakesIsRefusedByName() {
        SeatingSlice seating = new SeatingSlice(new EventsSlice());

        assertThatThrownBy(() -> seating.wire(platform, new Wiring())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slice events is not wired yet");
    }

    @Test
    void theNodesCompositionWiresInOrderAndOwnsEveryTopicFamilyWithAnId() {
        Wiring all = new Wiring();
        wired.add(all);
        List<Slice> slices = BackendNode.slices(Extensions.none());
        slices.forEach(slice -> slice.wire(platform, all));

        assertThat(slices).extracting(Slice::name).doesNotHaveDuplicates()
                .containsSubsequence("events", "seating", "ticketing");
        assertThat(paths(all)).doesNotHaveDuplicates();
        assertThat(all.topicOwners().keySet())
                .isEqualTo(EnumSet.complementOf(EnumSet.of(TopicFamily.Scope.ORG)));
    }

    private Wiring wire(Slice slice) {
        Wiring wiring = new Wiring();
        wired.add(wiring);
        slice.wire(platform, wiring);
        return wiring;
    }

    private static List<String> paths(Wiring wiring) {
        return wiring.routes().stream().map(Wiring.Route::path).toList();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
