package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/** The PubSub / WebSocket payload: exact keys, round-trip, and the constructor's contract checks. */
class EventMessageTest {

    private static final UUID ORG = UUID.fromString("0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11");
    private static final UUID SHOW = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    private static final UUID ID = UUID.fromString("5f0c2b8e-1d2a-4c3b-9e4f-0a1b2c3d4e5f");
    private static final UUID TICKET = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final Instant AT = Instant.parse("2026-11-26T19:30:00.5Z");

    private static EventMessage message(UUID showId) {
        return new EventMessage("ticket.sold.v1", ORG, showId, ID, 4, "ticket", TICKET,
                Json.object().put("price_cents", 25000), AT);
    }

    @Test
    void encodesExactlyTheSeedKeysInOrder() {
        JsonNode tree = Json.toTree(message(SHOW));
        assertThat(tree.properties()).extracting(Map.Entry::getKey)
                .containsExactly("event", "org_id", "event_id", "id", "seq",
                "resource_type", "resource_id", "data", "timestamp");
        assertThat(tree.get("event").asText()).isEqualTo("ticket.sold.v1");
        assertThat(tree.get("org_id").asText()).isEqualTo(ORG.toString());
        assertThat(tree.get("event_id").asText()).isEqualTo(SHOW.toString());
        assertThat(tree.get("id").asText()).isEqualTo(ID.toString());
        assertThat(tree.get("seq").asLong()).isEqualTo(4);
        assertThat(tree.get("resource_type").asText()).isEqualTo("ticket");
        assertThat(tree.get("resource_id").asText()).isEqualTo(TICKET.toString());
        assertThat(tree.get("data").get("price_cents").asInt()).isEqualTo(25000);
        assertThat(tree.get("timestamp").asText()).isEqualTo("2026-11-26T19:30:00.500Z");
    }

    @Test
    void omitsEventIdWhenTheMessageConcernsNoShow() {
        JsonNode tree = Json.toTree(message(null));
        assertThat(tree.has("event_id")).isFalse();
        assertThat(tree.properties()).extracting(Map.Entry::getKey)
                .containsExactly("event", "org_id", "id", "seq", "resource_type",
                "resource_id", "data", "timestamp");
    }

    @Test
    void roundTripsToAnEqualRecordWithAndWithoutEventId() {
        assertThat(Json.read(Json.write(message(SHOW)), EventMessage.class)).isEqualTo(message(SHOW));
        EventMessage back = Json.read(Json.write(message(null)), EventMessage.class);
        assertThat(back).isEqualTo(message(null));
        assertThat(back.eventId()).isNull();
    }

    @Test
    void ofMapsADomainEventOntoTheSeedNaming() {
        DomainEvent event = new DomainEvent(ID, "ticket.sold.v2", ORG, "ticket", TICKET, 9,
                Json.object().put("currency", "ZAR"), AT, null, null, Json.object());
        EventMessage message = EventMessage.of(event, SHOW);
        assertThat(message.event()).isEqualTo("ticket.sold.v2");
        assertThat(message.orgId()).isEqualTo(ORG);
        assertThat(message.eventId()).as("event_id is the show").isEqualTo(SHOW);
        assertThat(message.id()).as("id is the domain event's id").isEqualTo(ID);
        assertThat(message.seq()).isEqualTo(9);
        assertThat(message.resourceType()).isEqualTo("ticket");
        assertThat(message.resourceId()).isEqualTo(TICKET);
        assertThat(message.data()).isEqualTo(event.persistedChange());
        assertThat(message.timestamp()).isEqualTo(AT);
    }

    @Test
    void rejectsANullEvent() {
        assertThatThrownBy(() -> new EventMessage(null, ORG, SHOW, ID, 1, "ticket", TICKET, Json.object(), AT))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("an event message needs event, org_id, id, resource_type and resource_id");
    }

    @Test
    void rejectsANullOrgId() {
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", null, SHOW, ID, 1, "ticket", TICKET,
                Json.object(), AT)).isInstanceOf(InvalidEventException.class).hasMessageContaining("org_id");
    }

    @Test
    void rejectsANullId() {
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", ORG, SHOW, null, 1, "ticket", TICKET,
                Json.object(), AT)).isInstanceOf(InvalidEventException.class).hasMessageContaining("needs event");
    }

    @Test
    void rejectsANullResource() {
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", ORG, SHOW, ID, 1, null, TICKET,
                Json.object(), AT)).isInstanceOf(InvalidEventException.class).hasMessageContaining("resource_type");
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", ORG, SHOW, ID, 1, "ticket", null,
                Json.object(), AT)).isInstanceOf(InvalidEventException.class).hasMessageContaining("resource_id");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void rejectsASeqBelowOne(long seq) {
        assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", ORG, SHOW, ID, seq, "ticket", TICKET,
                Json.object(), AT)).isInstanceOf(InvalidEventException.class)
                .hasMessage("seq must be 1 or more, got " + seq);
    }

    @Test
    void acceptsSeqOne() {
        assertThat(new EventMessage("ticket.sold.v1", ORG, null, ID, 1, "ticket", TICKET, Json.object(), AT).seq())
                .isEqualTo(1);
    }

    @Test
    void rejectsDataThatIsNotAJsonObject() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (JsonNode data : new JsonNode[] {null, nodes.nullNode(), nodes.arrayNode(), nodes.textNode("{}"),
                nodes.numberNode(1), nodes.booleanNode(true)}) {
            assertThatThrownBy(() -> new EventMessage("ticket.sold.v1", ORG, SHOW, ID, 1, "ticket", TICKET, data, AT))
                    .as(String.valueOf(data)).isInstanceOf(InvalidEventException.class)
                    .hasMessage("data must be a JSON object");
        }
    }

    @Test
    void decodingAContractViolationIsACodecErrorCarryingTheRule() {
        String json = Json.write(message(SHOW)).replace("\"seq\":4", "\"seq\":0");
        assertThatThrownBy(() -> Json.read(json, EventMessage.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed EventMessage")
                .hasMessageContaining("seq must be 1 or more, got 0");
        String arrayData = Json.write(message(SHOW)).replace("{\"price_cents\":25000}", "[]");
        assertThatThrownBy(() -> Json.read(arrayData, EventMessage.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("data must be a JSON object");
    }

    @Test
    void truncatedJsonIsMalformed() {
        String json = Json.write(message(SHOW));
        assertThatThrownBy(() -> Json.read(json.substring(0, json.length() - 1), EventMessage.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed EventMessage: not valid JSON");
    }

    @Test
    void trailingGarbageAfterAValidMessageIsMalformed() {
        String json = Json.write(message(SHOW));
        assertThatThrownBy(() -> Json.read(json + " {\"seq\":5}", EventMessage.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed EventMessage: unexpected content after the JSON value");
    }

    @Test
    void wrongTypesNameTheOffendingField() {
        String json = Json.write(message(SHOW));
        assertThatThrownBy(() -> Json.read(json.replace("\"seq\":4", "\"seq\":\"many\""), EventMessage.class))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("malformed EventMessage at seq: ");
        assertThatThrownBy(() -> Json.read(json.replace(ORG.toString(), "not-a-uuid"), EventMessage.class))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("malformed EventMessage at org_id: ");
        assertThatThrownBy(() -> Json.read(json.replace("2026-11-26T19:30:00.500Z", "soon"), EventMessage.class))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("malformed EventMessage at timestamp: ");
    }

    @Test
    void aMissingSeqIsNotSilentlyZero() {
        String json = Json.write(message(SHOW)).replace("\"seq\":4,", "");
        assertThatThrownBy(() -> Json.read(json, EventMessage.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed EventMessage at seq");
    }

    @Test
    void anEmptyStringIsRejectedAsEmpty() {
        assertThatThrownBy(() -> Json.read("", EventMessage.class)).isInstanceOf(JsonCodecException.class)
                .hasMessage("empty JSON where EventMessage was expected");
    }
}
