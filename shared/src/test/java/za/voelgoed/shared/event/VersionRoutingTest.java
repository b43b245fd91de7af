package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.voelgoed.shared.event.FieldType.INTEGER;
import static za.voelgoed.shared.event.FieldType.STRING;
import static za.voelgoed.shared.event.FieldType.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;

/** adapt / canServe / upcasters: how a consumer of one version reads events of another. */
class VersionRoutingTest {

    private static final String ID = "0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11";
    private static final EventTypeName SOLD_V1 = EventTypeName.parse("ticket.sold.v1");
    private static final EventTypeName SOLD_V2 = EventTypeName.parse("ticket.sold.v2");
    private static final EventTypeName WIDGET_V1 = EventTypeName.parse("widget.made.v1");
    private static final EventTypeName WIDGET_V3 = EventTypeName.parse("widget.made.v3");

    private final EventTypeRegistry standard = EventTypeRegistry.standard();

    private static ObjectNode soldV1() {
        return Json.object().put("ticket_id", ID).put("event_id", ID).put("order_id", ID).put("price_cents", 25000)
                .put("currency", "ZAR").put("seat_id", "A12");
    }

    private static ObjectNode soldV2() {
        ObjectNode data = soldV1();
        data.putObject("seat_meta").put("row", "A").put("number", 12);
        return data;
    }

    private static EventSchema.Builder widget(int version) {
        return EventSchema.builder("widget.made.v" + version, "events", "widget").required("widget_id", UUID);
    }

    /** widget.made v1 → v2 adds REQUIRED batch → v3 adds optional size. */
    private static EventTypeRegistry widgets() {
        return new EventTypeRegistry().register(widget(1).build())
                .register(widget(2).required("batch", STRING).build())
                .register(widget(3).required("batch", STRING).optional("size", INTEGER).build());
    }

    @Test
    void v2DataIsProjectedDownToV1WithoutSeatMeta() {
        ObjectNode v2 = soldV2();
        ObjectNode asV1 = standard.adapt(SOLD_V2, v2, 1);
        assertThat(asV1.has("seat_meta")).isFalse();
        assertThat(asV1).isEqualTo(soldV1());
        assertThat(standard.require(SOLD_V1).violations(asV1)).isEmpty();
        assertThat(v2.has("seat_meta")).as("the producer's data is not modified").isTrue();
    }

    @Test
    void adaptingToTheSameVersionKeepsItsFields() {
        assertThat(standard.adapt(SOLD_V2, soldV2(), 2)).isEqualTo(soldV2());
    }

    @Test
    void v1DataIsAdaptedUpToV2WithoutAnUpcasterWhenV2OnlyAddsOptionalFields() {
        ObjectNode v1 = soldV1();
        ObjectNode asV2 = standard.adapt(SOLD_V1, v1, 2);
        assertThat(asV2).isEqualTo(soldV1()).isNotSameAs(v1);
        assertThat(asV2.has("seat_meta")).isFalse();
        assertThat(standard.require(SOLD_V2).violations(asV2)).isEmpty();
        assertThat(standard.canServe("ticket.sold", 2)).isTrue();
        assertThat(standard.canServe("ticket.sold", 1)).isTrue();
    }

    @Test
    void adaptingUpValidatesAgainstTheTargetVersion() {
        ObjectNode broken = soldV1();
        broken.remove("currency");
        assertThatThrownBy(() -> standard.adapt(SOLD_V1, broken, 2)).isInstanceOf(InvalidEventException.class)
                .hasMessage("ticket.sold.v2: required field 'currency' is missing");
    }

    @Test
    void aVersionThatIsNotRegisteredCannotBeServedOrAdaptedTo() {
        assertThat(standard.canServe("ticket.sold", 3)).isFalse();
        assertThat(standard.canServe("widget.made", 1)).isFalse();
        assertThatThrownBy(() -> standard.adapt(SOLD_V1, soldV1(), 3)).isInstanceOf(InvalidEventException.class)
                .hasMessage("unknown event type ticket.sold.v3");
    }

    @Test
    void aRequiredFieldInV2NeedsAnUpcasterBeforeV1DataCanBeServed() {
        EventTypeRegistry registry = new EventTypeRegistry().register(widget(1).build())
                .register(widget(2).required("batch", STRING).build());
        ObjectNode v1 = Json.object().put("widget_id", ID);

        assertThat(registry.canServe("widget.made", 1)).isTrue();
        assertThat(registry.canServe("widget.made", 2)).isFalse();
        assertThatThrownBy(() -> registry.adapt(WIDGET_V1, v1, 2)).isInstanceOf(InvalidEventException.class)
                .hasMessage("no upcaster from widget.made.v1 to v2, which adds required fields");

        registry.upcaster("widget.made", 1, data -> data.put("batch", "unknown"));

        assertThat(registry.canServe("widget.made", 2)).isTrue();
        ObjectNode asV2 = registry.adapt(WIDGET_V1, v1, 2);
        assertThat(asV2.get("batch").asText()).isEqualTo("unknown");
        assertThat(asV2.get("widget_id").asText()).isEqualTo(ID);
        assertThat(v1.has("batch")).as("the upcaster works on a copy").isFalse();
    }

    @Test
    void anUpcasterThatDoesNotFillTheRequiredFieldIsCaught() {
        EventTypeRegistry registry = new EventTypeRegistry().register(widget(1).build())
                .register(widget(2).required("batch", STRING).build())
                .upcaster("widget.made", 1, data -> data.put("batch", 42));
        assertThatThrownBy(() -> registry.adapt(WIDGET_V1, Json.object().put("widget_id", ID), 2))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("widget.made.v2: field 'batch' must be STRING, got NUMBER");
    }

    @Test
    void upcastersChainOneVersionAtATime() {
        EventTypeRegistry registry = new EventTypeRegistry().register(widget(1).build())
                .register(widget(2).required("batch", STRING).build())
                .register(widget(3).required("batch", STRING).required("line", STRING).build());
        assertThat(registry.canServe("widget.made", 3)).isFalse();
        registry.upcaster("widget.made", 1, data -> data.put("batch", "b-7"));
        assertThat(registry.canServe("widget.made", 2)).isTrue();
        assertThat(registry.canServe("widget.made", 3)).as("v2 -> v3 still lacks an upcaster").isFalse();
        registry.upcaster("widget.made", 2, data -> data.put("line", "line-of-" + data.get("batch").asText()));
        assertThat(registry.canServe("widget.made", 3)).isTrue();
        ObjectNode asV3 = registry.adapt(WIDGET_V1, Json.object().put("widget_id", ID), 3);
        assertThat(asV3.get("line").asText()).as("v2's upcaster sees v1's output").isEqualTo("line-of-b-7");
    }

    @Test
    void anOptionalOnlyStepNeedsNoUpcasterInAChain() {
        EventTypeRegistry registry = widgets();
        ObjectNode v1 = Json.object().put("widget_id", ID);
        assertThat(registry.canServe("widget.made", 3)).isFalse();
        assertThatThrownBy(() -> registry.adapt(WIDGET_V1, v1, 3)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no upcaster from widget.made.v1");
        registry.upcaster("widget.made", 1, data -> data.put("batch", "b"));
        assertThat(registry.canServe("widget.made", 3)).isTrue();
        assertThat(registry.adapt(WIDGET_V1, v1, 3)).isEqualTo(Json.object().put("widget_id", ID).put("batch", "b"));
        ObjectNode v2 = Json.object().put("widget_id", ID).put("batch", "b");
        assertThat(registry.adapt(EventTypeName.of("widget.made", 2), v2, 3)).isEqualTo(v2);
    }

    @Test
    void v3DataIsProjectedDownTwoVersions() {
        ObjectNode v3 = Json.object().put("widget_id", ID).put("batch", "b").put("size", 4);
        EventTypeRegistry registry = widgets();
        assertThat(registry.adapt(WIDGET_V3, v3, 1)).isEqualTo(Json.object().put("widget_id", ID));
        assertThat(registry.adapt(WIDGET_V3, v3, 2)).isEqualTo(Json.object().put("widget_id", ID).put("batch", "b"));
    }

    @Test
    void anUpcasterNeedsBothVersionsRegistered() {
        EventTypeRegistry registry = new EventTypeRegistry().register(widget(1).build());
        assertThatThrownBy(() -> registry.upcaster("widget.made", 1, data -> data))
                .isInstanceOf(InvalidEventException.class).hasMessage("unknown event type widget.made.v2");
        assertThatThrownBy(() -> registry.upcaster("gadget.made", 1, data -> data))
                .isInstanceOf(InvalidEventException.class).hasMessage("unknown event type gadget.made.v1");
    }

    @Test
    void adaptingNonObjectDataUpIsAnInvalidEvent() {
        assertThatThrownBy(() -> standard.adapt(SOLD_V1, JsonNodeFactory.instance.arrayNode(), 2))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data must be a JSON object");
    }
}
