package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

class EventVersioningTest {

    private static EventSchema.Builder widget(int version) {
        return EventSchema.builder("widget.made.v" + version, "events", "widget")
                .required("widget_id", FieldType.UUID).optional("colour", FieldType.STRING);
    }

    private final EventTypeRegistry registry = new EventTypeRegistry().register(widget(1).build());

    @Test
    void standardRegistryHoldsTheSeedTypesWithTicketSoldV2() {
        EventTypeRegistry standard = EventTypeRegistry.standard();
        for (String type : new String[] {"ticket.sold.v1", "ticket.sold.v2", "ticket.redeemed.v1",
                "payment.authorized.v1", "payment.refunded.v1", "event.published.v1", "seat.hold_created.v1",
                "seat.hold_expired.v1", "scan.accepted.v1", "scan.rejected.v1", "coupon.applied.v1"}) {
            assertThat(standard.find(EventTypeName.parse(type))).as(type).isPresent();
        }
        assertThat(standard.require("ticket.sold.v2").field("seat_meta")).get()
                .extracting(FieldSpec::required).isEqualTo(false);
    }

    @Test
    void additiveV2IsAccepted() {
        registry.register(widget(2).optional("size", FieldType.INTEGER).required("batch", FieldType.STRING).build());
        assertThat(registry.versions("widget.made")).hasSize(2);
    }

    @Test
    void v2RemovingAFieldIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", FieldType.UUID)
                .build();
        assertThatThrownBy(() -> registry.register(v2)).isInstanceOfSatisfying(IncompatibleSchemaException.class,
                e -> assertThat(e.breakingChanges()).containsExactly("widget.made.v2 removes field 'colour' of widget.made.v1"));
        assertThat(registry.versions("widget.made")).hasSize(1);
    }

    @Test
    void v2RetypingAFieldIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", FieldType.STRING)
                .optional("colour", FieldType.STRING).build();
        assertThatThrownBy(() -> registry.register(v2)).isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("changes field 'widget_id' from UUID to STRING");
    }

    @Test
    void v2MakingAnOptionalFieldRequiredIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", FieldType.UUID)
                .required("colour", FieldType.STRING).build();
        assertThatThrownBy(() -> registry.register(v2)).hasMessageContaining("makes optional field 'colour' required");
    }

    @Test
    void v2ChangingTheResourceTypeIsRejected() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "gadget").required("widget_id", FieldType.UUID)
                .optional("colour", FieldType.STRING).build();
        assertThatThrownBy(() -> registry.register(v2)).hasMessageContaining("changes the resource type");
    }

    @Test
    void versionsArriveInOrderAndOnce() {
        assertThatThrownBy(() -> registry.register(widget(3).build())).hasMessageContaining("out of order");
        assertThatThrownBy(() -> registry.register(widget(1).build())).hasMessageContaining("already registered");
    }

    @Test
    void newerDataIsProjectedForAnOlderConsumer() {
        registry.register(widget(2).optional("size", FieldType.INTEGER).build());
        ObjectNode v2 = Json.object().put("widget_id", UUID.randomUUID().toString()).put("size", 3);
        ObjectNode asV1 = registry.adapt(EventTypeName.parse("widget.made.v2"), v2, 1);
        assertThat(asV1.has("size")).isFalse();
        assertThat(asV1.get("widget_id")).isEqualTo(v2.get("widget_id"));
    }

    @Test
    void olderDataNeedsAnUpcasterOnlyWhenTheNewerVersionAddsRequiredFields() {
        registry.register(widget(2).required("batch", FieldType.STRING).build());
        ObjectNode v1 = Json.object().put("widget_id", UUID.randomUUID().toString());
        assertThat(registry.canServe("widget.made", 2)).isFalse();
        assertThatThrownBy(() -> registry.adapt(EventTypeName.parse("widget.made.v1"), v1, 2))
                .hasMessageContaining("no upcaster from widget.made.v1 to v2");
        registry.upcaster("widget.made", 1, data -> data.put("batch", "unknown"));
        assertThat(registry.canServe("widget.made", 2)).isTrue();
        assertThat(registry.adapt(EventTypeName.parse("widget.made.v1"), v1, 2).get("batch").asText()).isEqualTo("unknown");
    }

    @Test
    void schemasValidateData() {
        EventSchema schema = registry.require("widget.made.v1");
        assertThat(schema.violations(Json.object().put("widget_id", UUID.randomUUID().toString()))).isEmpty();
        assertThat(schema.violations(Json.object().put("widget_id", "nope").put("colour", 5))).containsExactlyInAnyOrder(
                "widget.made.v1: field 'widget_id' must be UUID, got STRING",
                "widget.made.v1: field 'colour' must be STRING, got NUMBER");
        assertThat(schema.violations(Json.object().putNull("widget_id")))
                .containsExactly("widget.made.v1: required field 'widget_id' is missing");
        assertThat(schema.violations(Json.mapper().createArrayNode())).containsExactly("widget.made.v1: data must be a JSON object");
        assertThat(Compatibility.breakingChanges(schema, schema)).isEmpty();
    }
}
