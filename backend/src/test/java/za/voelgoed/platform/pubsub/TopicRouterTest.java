package za.voelgoed.platform.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;

class TopicRouterTest {

    private final TopicRouter router = new TopicRouter(EventTypeRegistry.standard());
    private final UUID org = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();

    @Test
    void showEventsGoToTheOrgAndTheShowTopic() {
        DomainEvent e = event(EventTypes.EVENT_PUBLISHED_V1, "event", show, Json.object().put("event_id", show.toString()));
        assertThat(router.topicsOf(e)).extracting(Topic::toString)
                .containsExactlyInAnyOrder("events:org:" + org, "events:event:" + show);
        assertThat(router.showOf(e)).contains(show);
    }

    @Test
    void ticketSalesAlsoGoToTheOrderTopic() {
        DomainEvent e = event(EventTypes.TICKET_SOLD_V1, "ticket", UUID.randomUUID(), Json.object()
                .put("event_id", show.toString()).put("order_id", order.toString()));
        assertThat(router.topicsOf(e)).extracting(Topic::toString).containsExactlyInAnyOrder(
                "ticketing:org:" + org, "ticketing:event:" + show, "ticketing:order:" + order);
    }

    @Test
    void aSeatSoldAlsoGoesToTheShowsSeatingTopic() {
        DomainEvent e = event(EventTypes.TICKET_SOLD_V1, "ticket", UUID.randomUUID(), Json.object()
                .put("event_id", show.toString()).put("order_id", order.toString()).put("seat_id", "Hall:A:1"));
        assertThat(router.topicsOf(e)).extracting(Topic::toString).containsExactlyInAnyOrder(
                "ticketing:org:" + org, "ticketing:event:" + show, "ticketing:order:" + order, "seating:event:" + show);
    }

    @Test
    void paymentsAreRoutedToTicketingTopics() {
        DomainEvent e = event(EventTypes.PAYMENT_AUTHORIZED_V1, "payment", UUID.randomUUID(),
                Json.object().put("order_id", order.toString()));
        assertThat(router.topicsOf(e)).extracting(Topic::toString)
                .containsExactlyInAnyOrder("ticketing:org:" + org, "ticketing:order:" + order);
    }

    @Test
    void seatingHasNoOrgFamilySoOnlyTheShowTopic() {
        DomainEvent e = event(EventTypes.SEAT_HOLD_CREATED_V1, "hold", UUID.randomUUID(),
                Json.object().put("event_id", show.toString()));
        assertThat(router.topicsOf(e)).extracting(Topic::toString).containsExactly("seating:event:" + show);
    }

    @Test
    void scansGoToTheSessionTopic() {
        UUID session = UUID.randomUUID();
        DomainEvent e = event(EventTypes.SCAN_ACCEPTED_V1, "ticket", UUID.randomUUID(), Json.object()
                .put("event_id", show.toString()).put("session_id", session.toString()));
        assertThat(router.topicsOf(e)).extracting(Topic::toString).contains("scanning:session:" + session,
                "scanning:org:" + org);
    }

    @Test
    void capturesVoidedTicketsAndReconciliationFixesReachTheOrdersTopics() {
        ObjectNode data = Json.object().put("event_id", show.toString()).put("order_id", order.toString());
        for (String[] type : new String[][] {{EventTypes.PAYMENT_CAPTURED_V1, "payment"},
                {EventTypes.PAYMENT_RECONCILED_V1, "checkout_attempt"}, {EventTypes.TICKET_VOIDED_V1, "ticket"}}) {
            assertThat(router.topicsOf(event(type[0], type[1], UUID.randomUUID(), data))).as(type[0])
                    .extracting(Topic::toString).containsExactlyInAnyOrder(
                            "ticketing:org:" + org, "ticketing:event:" + show, "ticketing:order:" + order);
        }
        DomainEvent seatVoided = event(EventTypes.TICKET_VOIDED_V1, "ticket", UUID.randomUUID(),
                data.deepCopy().put("seat_id", "Hall:A:1"));
        assertThat(router.topicsOf(seatVoided)).extracting(Topic::toString).contains("seating:event:" + show);
    }

    @Test
    void extensionsAllocationsAndSeatsBackOnSaleGoToTheShowsSeatingTopicOnly() {
        ObjectNode data = Json.object().put("event_id", show.toString()).put("order_id", order.toString());
        for (String[] type : new String[][] {{EventTypes.SEAT_HOLD_EXTENDED_V1, "hold"},
                {EventTypes.SEAT_ALLOCATION_CHANGED_V1, "seat_allocation"}, {EventTypes.SEAT_RETURNED_V1, "seat_return"}}) {
            assertThat(router.topicsOf(event(type[0], type[1], UUID.randomUUID(), data))).as(type[0])
                    .extracting(Topic::toString).containsExactly("seating:event:" + show);
        }
    }

    @Test
    void malformedIdsInDataAreIgnored() {
        DomainEvent e = event(EventTypes.TICKET_SOLD_V1, "ticket", UUID.randomUUID(),
                Json.object().put("event_id", "not-a-uuid").put("order_id", 5));
        assertThat(router.topicsOf(e)).extracting(Topic::toString).containsExactly("ticketing:org:" + org);
    }

    private DomainEvent event(String type, String resourceType, UUID resourceId, ObjectNode data) {
        return new DomainEvent(UUID.randomUUID(), type, org, resourceType, resourceId, 1, data, Instant.now(), null,
                null, Json.object());
    }
}
