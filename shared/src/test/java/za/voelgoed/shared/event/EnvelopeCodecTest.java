package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

class EnvelopeCodecTest {

    private final UUID org = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-26T19:30:00.123456Z");

    private DomainEvent domainEvent() {
        return new DomainEvent(UUID.randomUUID(), EventTypes.TICKET_SOLD_V1, org, "ticket", UUID.randomUUID(), 3,
                Json.object().put("event_id", show.toString()).put("price_cents", 25000), at, UUID.randomUUID(),
                "10.1.2.3", Json.object().put("source", "box-office"));
    }

    @Test
    void domainEventRoundTripsWithTheEnvelopeFieldNames() {
        DomainEvent event = domainEvent();
        String json = Json.write(event);
        JsonNode tree = Json.tree(json);
        assertThat(tree.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder(
                "event_id", "event_type", "organization_id", "resource_type", "resource_id", "resource_seq",
                "persisted_change", "timestamp", "actor_user_id", "ip_address", "metadata");
        assertThat(tree.get("timestamp").asText()).isEqualTo("2026-11-26T19:30:00.123456Z");
        assertThat(Json.read(json, DomainEvent.class)).isEqualTo(event);
        assertThat(event.typeName()).isEqualTo(EventTypeName.of("ticket.sold", 1));
    }

    @Test
    void pubSubPayloadHasTheSeedFieldsPlusIdAndSeq() {
        DomainEvent event = domainEvent();
        EventMessage message = EventMessage.of(event, show);
        JsonNode tree = Json.toTree(message);
        assertThat(tree.properties()).extracting(java.util.Map.Entry::getKey).containsExactly(
                "event", "org_id", "event_id", "id", "seq", "resource_type", "resource_id", "data", "timestamp");
        assertThat(tree.get("event").asText()).isEqualTo("ticket.sold.v1");
        assertThat(tree.get("event_id").asText()).isEqualTo(show.toString());
        assertThat(tree.get("id").asText()).isEqualTo(event.eventId().toString());
        assertThat(tree.get("seq").asLong()).isEqualTo(3);
        assertThat(Json.read(Json.write(message), EventMessage.class)).isEqualTo(message);
        assertThat(Json.toTree(EventMessage.of(event, null)).has("event_id")).isFalse();
    }

    @Test
    void malformedJsonIsRejectedWithItsCause() {
        assertThatThrownBy(() -> Json.read("{\"event\":", EventMessage.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("malformed EventMessage");
        assertThatThrownBy(() -> Json.read("{} trailing", EventMessage.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("malformed EventMessage");
        assertThatThrownBy(() -> Json.read("", EventMessage.class)).hasMessageContaining("empty JSON");
        assertThatThrownBy(() -> Json.read("{\"seq\":\"many\"}", EventMessage.class))
                .isInstanceOf(JsonCodecException.class).hasMessageContaining("seq");
    }

    @Test
    void payloadsThatBreakTheContractAreRejected() {
        UUID id = UUID.randomUUID();
        var data = Json.object();
        assertThatThrownBy(() -> new EventMessage(null, org, null, id, 1, "ticket", id, data, at))
                .hasMessageContaining("needs event, org_id, id");
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", org, null, id, 0, "ticket", id, data, at))
                .hasMessageContaining("seq must be 1 or more, got 0");
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", org, null, id, 1, "ticket", id,
                Json.mapper().createArrayNode(), at)).hasMessageContaining("data must be a JSON object");
        assertThatThrownBy(() -> Json.read("{\"event\":\"x\",\"org_id\":\"" + org + "\",\"id\":\"" + id
                + "\",\"seq\":1,\"resource_type\":\"t\",\"resource_id\":\"" + id + "\",\"data\":[]}",
                EventMessage.class)).isInstanceOf(JsonCodecException.class).hasMessageContaining("data must be a JSON object");
    }

    @Test
    void eventTypeNamesAreStrict() {
        assertThat(EventTypeName.parse("seat.hold_created.v12")).isEqualTo(EventTypeName.of("seat.hold_created", 12));
        for (String bad : List.of("ticket.sold", "ticket.sold.v0", "Ticket.Sold.v1", "ticket.sold.v1.x", "ticket..v1")) {
            assertThatThrownBy(() -> EventTypeName.parse(bad)).as(bad).isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining("must look like domain.verb.vN");
        }
    }
}
