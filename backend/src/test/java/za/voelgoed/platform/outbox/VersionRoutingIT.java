package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.TestEnv;

/** A v1 consumer keeps working while v2 is emitted; a v2 consumer also receives v1 events (invariant 10). */
class VersionRoutingIT {

    static final List<DomainEvent> v1Seen = new CopyOnWriteArrayList<>();
    static final List<DomainEvent> v2Seen = new CopyOnWriteArrayList<>();
    static BackendNode node;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(), Extensions.consumers(
                ConsumerSpec.named("sales.v1").on("ticket.sold", 1).handler((e, ctx) -> v1Seen.add(e)),
                ConsumerSpec.named("sales.v2").on("ticket.sold", 2).handler((e, ctx) -> v2Seen.add(e))));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void eachConsumerReceivesTheVersionItRegisteredFor() {
        UUID org = UUID.randomUUID();
        var v1 = sale().put("seat_id", "A-1");
        var v2 = sale().put("seat_id", "A-2");
        v2.putObject("seat_meta").put("row", "A").put("view", "restricted");
        node.outbox().transact(Actor.system(), tx -> List.of(
                tx.emit(EventTypes.TICKET_SOLD_V1, org, UUID.randomUUID(), v1),
                tx.emit(EventTypes.TICKET_SOLD_V2, org, UUID.randomUUID(), v2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> v1Seen.size() == 2 && v2Seen.size() == 2);
        assertThat(v1Seen).extracting(DomainEvent::eventType).containsOnly(EventTypes.TICKET_SOLD_V1);
        assertThat(v1Seen).allSatisfy(e -> assertThat(e.persistedChange().has("seat_meta")).isFalse());
        assertThat(v1Seen).extracting(e -> e.persistedChange().get("seat_id").asText()).containsExactlyInAnyOrder("A-1", "A-2");
        assertThat(v2Seen).extracting(DomainEvent::eventType).containsOnly(EventTypes.TICKET_SOLD_V2);
        assertThat(v2Seen).filteredOn(e -> e.persistedChange().get("seat_id").asText().equals("A-2"))
                .singleElement().satisfies(e -> assertThat(e.persistedChange().at("/seat_meta/view").asText())
                        .isEqualTo("restricted"));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode sale() {
        return Json.object().put("ticket_id", UUID.randomUUID().toString()).put("event_id", UUID.randomUUID().toString())
                .put("order_id", UUID.randomUUID().toString()).put("price_cents", 25000).put("currency", "ZAR");
    }
}
