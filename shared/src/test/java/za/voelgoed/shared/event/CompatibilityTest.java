package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static za.voelgoed.shared.event.FieldType.INTEGER;
import static za.voelgoed.shared.event.FieldType.NUMBER;
import static za.voelgoed.shared.event.FieldType.STRING;
import static za.voelgoed.shared.event.FieldType.UUID;

import org.junit.jupiter.api.Test;

/** The additive-only rule between two versions, checked directly (no registry). */
class CompatibilityTest {

    private static EventSchema.Builder widget(int version, String resourceType) {
        return EventSchema.builder("widget.made.v" + version, "events", resourceType)
                .required("widget_id", UUID).required("count", INTEGER).optional("colour", STRING);
    }

    private static final EventSchema V1 = widget(1, "widget").build();

    @Test
    void identicalSchemasHaveNoBreakingChanges() {
        assertThat(Compatibility.breakingChanges(V1, V1)).isEmpty();
        assertThat(Compatibility.breakingChanges(V1, widget(1, "widget").build())).isEmpty();
    }

    @Test
    void everyStandardSchemaIsCompatibleWithItself() {
        for (EventSchema schema : EventTypeRegistry.standard().all()) {
            assertThat(Compatibility.breakingChanges(schema, schema)).as(schema.type().wire()).isEmpty();
        }
    }

    @Test
    void theSameFieldsUnderTheNextVersionHaveNoBreakingChanges() {
        assertThat(Compatibility.breakingChanges(V1, widget(2, "widget").build())).isEmpty();
    }

    @Test
    void standardTicketSoldV2IsAdditiveOverV1() {
        EventTypeRegistry standard = EventTypeRegistry.standard();
        EventSchema v1 = standard.require("ticket.sold.v1");
        EventSchema v2 = standard.require("ticket.sold.v2");
        assertThat(Compatibility.breakingChanges(v1, v2)).isEmpty();
    }

    @Test
    void addingOptionalAndRequiredFieldsIsAdditive() {
        EventSchema v2 = widget(2, "widget").optional("size", NUMBER).required("batch", STRING).build();
        assertThat(Compatibility.breakingChanges(V1, v2)).isEmpty();
    }

    @Test
    void fieldOrderDoesNotMatter() {
        EventSchema reordered = EventSchema.builder("widget.made.v2", "events", "widget").optional("colour", STRING)
                .required("count", INTEGER).required("widget_id", UUID).build();
        assertThat(Compatibility.breakingChanges(V1, reordered)).isEmpty();
    }

    @Test
    void removingAFieldIsBreaking() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .optional("colour", STRING).build();
        assertThat(Compatibility.breakingChanges(V1, v2))
                .containsExactly("widget.made.v2 removes field 'count' of widget.made.v1");
    }

    @Test
    void removingAnOptionalFieldIsBreakingToo() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .required("count", INTEGER).build();
        assertThat(Compatibility.breakingChanges(V1, v2))
                .containsExactly("widget.made.v2 removes field 'colour' of widget.made.v1");
    }

    @Test
    void changingAFieldsTypeIsBreakingEvenToAWiderType() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .required("count", NUMBER).optional("colour", STRING).build();
        assertThat(Compatibility.breakingChanges(V1, v2))
                .containsExactly("widget.made.v2 changes field 'count' from INTEGER to NUMBER");
    }

    @Test
    void makingAnOptionalFieldRequiredIsBreaking() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .required("count", INTEGER).required("colour", STRING).build();
        assertThat(Compatibility.breakingChanges(V1, v2))
                .containsExactly("widget.made.v2 makes optional field 'colour' required");
    }

    @Test
    void changingTheResourceTypeIsBreaking() {
        assertThat(Compatibility.breakingChanges(V1, widget(2, "gadget").build()))
                .containsExactly("widget.made.v2 changes the resource type from widget to gadget");
    }

    @Test
    void aFieldBothRetypedAndMadeRequiredReportsBoth() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .required("count", INTEGER).required("colour", INTEGER).build();
        assertThat(Compatibility.breakingChanges(V1, v2)).containsExactlyInAnyOrder(
                "widget.made.v2 changes field 'colour' from STRING to INTEGER",
                "widget.made.v2 makes optional field 'colour' required");
    }

    @Test
    void differentEventTypesCannotBeCompared() {
        EventSchema other = EventSchema.builder("gadget.made.v2", "events", "widget").required("widget_id", UUID)
                .required("count", INTEGER).optional("colour", STRING).build();
        assertThat(Compatibility.breakingChanges(V1, other))
                .containsExactly("cannot compare widget.made.v1 with gadget.made.v2");
    }

    @Test
    void relaxingARequiredFieldToOptionalIsBreaking() {
        EventSchema v2 = EventSchema.builder("widget.made.v2", "events", "widget").required("widget_id", UUID)
                .optional("count", INTEGER).optional("colour", STRING).build();
        assertThat(Compatibility.breakingChanges(V1, v2)).isNotEmpty();
    }
}
