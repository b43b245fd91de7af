package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/** The outbox record on the wire: snake_case names, ISO timestamps, lossless round-trip. */
class DomainEventJsonTest {

    private static final UUID EVENT_ID = UUID.fromString("5f0c2b8e-1d2a-4c3b-9e4f-0a1b2c3d4e5f");
    private static final UUID ORG = UUID.fromString("0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11");
    private static final UUID TICKET = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final UUID ACTOR = UUID.fromString("9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a");
    private static final Instant AT = Instant.parse("2026-11-26T19:30:00.123456Z");

    private static DomainEvent sold() {
        return new DomainEvent(EVENT_ID, "ticket.sold.v1", ORG, "ticket", TICKET, 7,
                Json.object().put("price_cents", 25000).put("currency", "ZAR"), AT, ACTOR, "10.1.2.3",
                Json.object().put("source", "box-office"));
    }

    @Test
    void encodesEveryComponentUnderItsSnakeCaseName() {
        JsonNode tree = Json.tree(Json.write(sold()));
        assertThat(tree.properties()).extracting(Map.Entry::getKey)
                .containsExactly("event_id", "event_type", "organization_id",
                "resource_type", "resource_id", "resource_seq", "persisted_change", "timestamp", "actor_user_id",
                "ip_address", "metadata");
        assertThat(tree.get("event_id").asText()).isEqualTo(EVENT_ID.toString());
        assertThat(tree.get("event_type").asText()).isEqualTo("ticket.sold.v1");
        assertThat(tree.get("organization_id").asText()).isEqualTo(ORG.toString());
        assertThat(tree.get("resource_type").asText()).isEqualTo("ticket");
        assertThat(tree.get("resource_id").asText()).isEqualTo(TICKET.toString());
        assertThat(tree.get("resource_seq").isIntegralNumber()).isTrue();
        assertThat(tree.get("resource_seq").asLong()).isEqualTo(7);
        assertThat(tree.get("persisted_change").get("price_cents").asInt()).isEqualTo(25000);
        assertThat(tree.get("actor_user_id").asText()).isEqualTo(ACTOR.toString());
        assertThat(tree.get("ip_address").asText()).isEqualTo("10.1.2.3");
        assertThat(tree.get("metadata").get("source").asText()).isEqualTo("box-office");
    }

    @Test
    void timestampIsAnIso8601StringNotANumber() {
        JsonNode timestamp = Json.toTree(sold()).get("timestamp");
        assertThat(timestamp.isTextual()).isTrue();
        assertThat(timestamp.asText()).isEqualTo("2026-11-26T19:30:00.123456Z");
    }

    @Test
    void decodesBackToAnEqualRecord() {
        DomainEvent event = sold();
        DomainEvent back = Json.read(Json.write(event), DomainEvent.class);
        assertThat(back).isEqualTo(event);
        assertThat(back.timestamp()).isEqualTo(AT);
        assertThat(back.persistedChange()).isEqualTo(event.persistedChange());
    }

    @Test
    void aSystemActionWithoutActorOrAddressRoundTrips() {
        DomainEvent system = new DomainEvent(EVENT_ID, "seat.hold_expired.v1", ORG, "hold", TICKET, 1,
                Json.object().put("hold_id", TICKET.toString()), AT, null, null, Json.object());
        JsonNode tree = Json.toTree(system);
        assertThat(tree.get("actor_user_id").isNull()).isTrue();
        assertThat(tree.get("ip_address").isNull()).isTrue();
        assertThat(Json.read(Json.write(system), DomainEvent.class)).isEqualTo(system);
    }

    @Test
    void aNullMetadataRoundTripsToNull() {
        DomainEvent noMetadata = new DomainEvent(EVENT_ID, "ticket.sold.v1", ORG, "ticket", TICKET, 1,
                Json.object(), AT, null, null, null);
        DomainEvent back = Json.read(Json.write(noMetadata), DomainEvent.class);
        assertThat(back.metadata() == null)
                .as("metadata decodes to Java null, got %s", back.metadata() == null ? "null"
                        : back.metadata().getClass().getSimpleName())
                .isTrue();
        assertThat(back).isEqualTo(noMetadata);
    }

    @Test
    void decodesTimestampsWithAnOffsetToTheSameInstant() {
        String json = Json.write(sold()).replace("2026-11-26T19:30:00.123456Z", "2026-11-26T21:30:00.123456+02:00");
        assertThat(Json.read(json, DomainEvent.class).timestamp()).isEqualTo(AT);
    }

    @Test
    void typeNameParsesTheVersionedEventType() {
        assertThat(sold().typeName()).isEqualTo(EventTypeName.of("ticket.sold", 1));
        DomainEvent unversioned = new DomainEvent(EVENT_ID, "ticket.sold", ORG, "ticket", TICKET, 1,
                Json.object(), AT, null, null, Json.object());
        assertThatThrownBy(unversioned::typeName).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'ticket.sold'");
    }

    @Test
    void aResourceSeqOfTheWrongTypeIsMalformedAndNamed() {
        String json = Json.write(sold()).replace("\"resource_seq\":7", "\"resource_seq\":\"seven\"");
        assertThatThrownBy(() -> Json.read(json, DomainEvent.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed DomainEvent at resource_seq: ");
    }

    @Test
    void aBadTimestampIsMalformedAndNamed() {
        String json = Json.write(sold()).replace("2026-11-26T19:30:00.123456Z", "last tuesday");
        assertThatThrownBy(() -> Json.read(json, DomainEvent.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed DomainEvent at timestamp: expected an ISO-8601 date-time string")
                .hasMessageNotContaining("last tuesday");
    }

    @Test
    void aTruncatedDomainEventIsMalformed() {
        String json = Json.write(sold());
        assertThatThrownBy(() -> Json.read(json.substring(0, json.length() / 2), DomainEvent.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed DomainEvent")
                .hasMessageContaining("(line 1, column");
    }
}
