package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.payments.AuthorizationStatus;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.WsProbe;

/**
 * Every change of an order's money, tickets and seats writes its event in the same transaction, and the
 * events reach the topics a console follows: captures, refunds (money back, or an authorisation voided),
 * voided tickets, and seats back on sale on the show's seating topic.
 */
class OrderEventsIT {

    static Shop shop;

    @BeforeAll
    static void start() {
        shop = new Shop("order-events");
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    static void awaitPayment(String orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(
                Db.single("select status from payments where order_id = ?::uuid", orderId)));
    }

    @Test
    void aCaptureWritesPaymentCapturedWithTheCapturedAmountInTheCapturesTransaction() {
        UUID show = shop.show();
        String orderId = shop.checkout(shop.hold(show, "{\"ticket_type\": \"ga\", \"quantity\": 2}")).path("id").asText();
        awaitPayment(orderId, "captured");

        List<JsonNode> captured = Shop.events("payment.captured.v1", orderId);
        assertThat(captured).hasSize(1);
        assertThat(captured.get(0).path("amount_cents").asLong()).isEqualTo(20_000)
                .isEqualTo(Db.count("select captured_cents from payments where order_id = ?::uuid", orderId));
        assertThat(captured.get(0).path("source").asText()).isEqualTo("capture");
        assertThat(captured.get(0).path("event_id").asText()).isEqualTo(show.toString());
        assertThat(Shop.writers("payment.captured.v1", orderId)).containsExactly(Shop.paymentWriter(orderId));
    }

    @Test
    void aRefundVoidsEachTicketAndPutsItsSeatsBackOnTheShowsSeatingTopicInOneTransaction() {
        UUID show = shop.show();
        JsonNode order = shop.checkout(shop.hold(show, "{\"seats\": [\"Hall:A:1\", \"Hall:A:2\"]}"));
        String orderId = order.path("id").asText();
        awaitPayment(orderId, "captured");
        try (WsProbe seating = new WsProbe(shop.node.port(), shop.staff.token());
             WsProbe ordered = new WsProbe(shop.node.port(), shop.staff.token())) {
            assertThat(seating.subscribe("seating:event:" + show)).isInstanceOf(ServerFrame.Subscribed.class);
            assertThat(ordered.subscribe("ticketing:order:" + orderId)).isInstanceOf(ServerFrame.Subscribed.class);

            shop.refund(orderId);

            assertRefundedInOneTransaction(order, orderId);
            awaitTypes(seating, "seat.returned.v1", "ticket.voided.v1", "ticket.voided.v1");
            awaitTypes(ordered, "payment.refunded.v1", "ticket.voided.v1", "ticket.voided.v1");
            assertRegistered(seating.events());
            assertRegistered(ordered.events());
            assertThat(shop.staff.get("/api/orgs/" + shop.org + "/events/" + show + "/availability").json()
                    .path("watermark").path("seat_return:" + orderId).asLong()).isEqualTo(1);
        }
    }

    private static void assertRefundedInOneTransaction(JsonNode order, String orderId) {
        JsonNode refunded = Shop.events("payment.refunded.v1", orderId).get(0);
        assertThat(refunded.path("outcome").asText()).isEqualTo("refunded");
        assertThat(refunded.path("refunded_cents").asLong()).isEqualTo(50_000);
        List<JsonNode> voided = Shop.events("ticket.voided.v1", orderId);
        assertThat(voided).extracting(v -> v.path("seat_id").asText()).containsExactlyInAnyOrder("Hall:A:1", "Hall:A:2");
        assertThat(voided).extracting(v -> v.path("ticket_id").asText())
                .containsExactlyInAnyOrderElementsOf(order.path("tickets").findValuesAsText("id"));
        JsonNode returned = Shop.events("seat.returned.v1", orderId).get(0);
        assertThat(returned.path("seats")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Hall:A:1", "Hall:A:2");
        assertThat(returned.path("quantity").asInt()).isEqualTo(2);
        String refundTx = Shop.paymentWriter(orderId);
        for (String type : new String[] {"payment.refunded.v1", "ticket.voided.v1", "seat.returned.v1"}) {
            assertThat(Shop.writers(type, orderId)).as(type).isNotEmpty().containsOnly(refundTx);
        }
    }

    @Test
    void aRefundOfAPaymentNeverCapturedSaysTheAuthorisationWasVoidedAndNothingWasRefunded() {
        UUID show = shop.show();
        shop.staff.post("/api/orgs/" + shop.org + "/queues/payments/pause", "{}").json();
        try {
            String orderId = shop.checkout(shop.hold(show, "{\"ticket_type\": \"ga\", \"quantity\": 3}")).path("id").asText();
            shop.refund(orderId);

            JsonNode refunded = Shop.events("payment.refunded.v1", orderId).get(0);
            assertThat(refunded.path("outcome").asText()).isEqualTo("voided");
            assertThat(refunded.path("refunded_cents").asLong()).isZero();
            assertThat(refunded.path("amount_cents").asLong()).as("v1's meaning: the payment's amount").isEqualTo(30_000);
            String authId = (String) Db.single("select provider_auth_id from payments where order_id = ?::uuid", orderId);
            assertThat(shop.provider.status(authId).status()).isEqualTo(AuthorizationStatus.VOIDED);
            JsonNode returned = Shop.events("seat.returned.v1", orderId).get(0);
            assertThat(returned.path("ticket_type").asText()).isEqualTo("ga");
            assertThat(returned.path("quantity").asInt()).isEqualTo(3);
            assertThat(returned.path("seats")).isEmpty();
            assertThat(Shop.events("ticket.voided.v1", orderId)).hasSize(3)
                    .allSatisfy(v -> assertThat(v.path("ticket_type").asText()).isEqualTo("ga"));
        } finally {
            shop.staff.post("/api/orgs/" + shop.org + "/queues/payments/resume", "{}").json();
        }
    }

    /** Waits for exactly these events of these types (events of other types, sent before, are left aside). */
    private static void awaitTypes(WsProbe probe, String... types) {
        List<String> wanted = List.of(types);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(probe.events())
                .extracting(EventMessage::event).filteredOn(wanted::contains).containsExactlyInAnyOrder(types));
    }

    /** What the gateway sent is a registered type whose data its schema accepts. */
    static void assertRegistered(List<EventMessage> events) {
        EventTypeRegistry standard = EventTypeRegistry.standard();
        assertThat(events).allSatisfy(m -> assertThat(standard.require(m.event()).violations(m.data()))
                .as(m.event()).isEmpty());
    }
}
