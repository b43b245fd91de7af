package za.voelgoed.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import za.voelgoed.shared.json.Json;

/** Validation and projection of event data against one schema version. */
class EventSchemaTest {

    private static final String WIDGET = "0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11";

    private final EventSchema schema = EventSchema.builder("widget.made.v1", "events", "widget")
            .required("widget_id", FieldType.UUID)
            .required("count", FieldType.INTEGER)
            .required("made_at", FieldType.TIMESTAMP)
            .optional("colour", FieldType.STRING)
            .optional("weight", FieldType.NUMBER)
            .optional("active", FieldType.BOOLEAN)
            .optional("meta", FieldType.OBJECT)
            .optional("tags", FieldType.ARRAY)
            .build();

    private static ObjectNode requiredOnly() {
        return Json.object().put("widget_id", WIDGET).put("count", 3).put("made_at", "2026-11-26T19:30:00Z");
    }

    private static ObjectNode complete() {
        ObjectNode data = requiredOnly().put("colour", "red").put("weight", 1.5).put("active", true);
        data.putObject("meta").put("k", "v");
        data.putArray("tags").add("a");
        return data;
    }

    @Test
    void theBuilderRecordsTypeDomainResourceAndFields() {
        assertThat(schema.type()).isEqualTo(EventTypeName.of("widget.made", 1));
        assertThat(schema.domain()).isEqualTo("events");
        assertThat(schema.resourceType()).isEqualTo("widget");
        assertThat(schema.fields()).hasSize(8);
        assertThat(schema.field("count")).contains(FieldSpec.required("count", FieldType.INTEGER));
        assertThat(schema.field("colour")).contains(FieldSpec.optional("colour", FieldType.STRING));
        assertThat(schema.field("nope")).isEmpty();
    }

    @Test
    void completeDataHasNoViolations() {
        assertThat(schema.violations(complete())).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        assertThat(schema.violations(requiredOnly())).isEmpty();
    }

    @Test
    void fieldsOutsideTheSchemaPassThrough() {
        assertThat(schema.violations(requiredOnly().put("added_later", "anything"))).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode data = requiredOnly();
        data.remove("count");
        assertThat(schema.violations(data)).containsExactly("widget.made.v1: required field 'count' is missing");
    }

    @Test
    void nullCountsAsMissingForARequiredField() {
        ObjectNode data = requiredOnly().putNull("widget_id");
        assertThat(schema.violations(data)).containsExactly("widget.made.v1: required field 'widget_id' is missing");
    }

    @Test
    void nullIsAcceptedForAnOptionalField() {
        assertThat(schema.violations(requiredOnly().putNull("colour").putNull("meta"))).isEmpty();
    }

    @Test
    void aStringWhereAnIntegerIsRequiredIsNamed() {
        assertThat(schema.violations(requiredOnly().put("count", "3")))
                .containsExactly("widget.made.v1: field 'count' must be INTEGER, got STRING");
    }

    @Test
    void aFractionWhereAnIntegerIsRequiredIsNamed() {
        assertThat(schema.violations(requiredOnly().put("count", 3.5)))
                .containsExactly("widget.made.v1: field 'count' must be INTEGER, got NUMBER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "0b6c64b28f0e4b8e9a516f3e2f1b7c11", "1-1-1-1-1"})
    void nonUuidTextForAUuidFieldIsNamed(String text) {
        assertThat(schema.violations(requiredOnly().put("widget_id", text)))
                .containsExactly("widget.made.v1: field 'widget_id' must be UUID, got STRING");
    }

    @Test
    void aNumberForAUuidFieldIsNamed() {
        assertThat(schema.violations(requiredOnly().put("widget_id", 12)))
                .containsExactly("widget.made.v1: field 'widget_id' must be UUID, got NUMBER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-26", "2026-11-26T19:30:00", "2026-13-01T00:00:00Z"})
    void aBadTimestampIsNamed(String text) {
        assertThat(schema.violations(requiredOnly().put("made_at", text)))
                .containsExactly("widget.made.v1: field 'made_at' must be TIMESTAMP, got STRING");
    }

    @Test
    void timestampsWithAnyOffsetAreAccepted() {
        assertThat(schema.violations(requiredOnly().put("made_at", "2026-11-26T21:30:00.123+02:00"))).isEmpty();
        assertThat(schema.violations(requiredOnly().put("made_at", 1764185400))).containsExactly(
                "widget.made.v1: field 'made_at' must be TIMESTAMP, got NUMBER");
    }

    @Test
    void wrongTypesOfOptionalFieldsAreNamed() {
        ObjectNode data = requiredOnly().put("colour", 5).put("weight", "heavy").put("active", "yes")
                .put("meta", "{}").put("tags", "a,b");
        assertThat(schema.violations(data)).containsExactlyInAnyOrder(
                "widget.made.v1: field 'colour' must be STRING, got NUMBER",
                "widget.made.v1: field 'weight' must be NUMBER, got STRING",
                "widget.made.v1: field 'active' must be BOOLEAN, got STRING",
                "widget.made.v1: field 'meta' must be OBJECT, got STRING",
                "widget.made.v1: field 'tags' must be ARRAY, got STRING");
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        ObjectNode data = Json.object().put("widget_id", "nope").put("count", "many");
        assertThat(schema.violations(data)).containsExactlyInAnyOrder(
                "widget.made.v1: field 'widget_id' must be UUID, got STRING",
                "widget.made.v1: field 'count' must be INTEGER, got STRING",
                "widget.made.v1: required field 'made_at' is missing");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
    void dataThatIsNotAnObjectIsReported(String json) {
        JsonNode data = json == null ? null : Json.tree(json);
        assertThat(schema.violations(data)).containsExactly("widget.made.v1: data must be a JSON object");
    }

    @Test
    void requireValidPassesValidData() {
        assertThatCode(() -> schema.requireValid(complete())).doesNotThrowAnyException();
    }

    @Test
    void requireValidThrowsListingEveryViolation() {
        ObjectNode data = Json.object().put("widget_id", "nope").put("colour", 1);
        assertThatThrownBy(() -> schema.requireValid(data)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("widget.made.v1: field 'widget_id' must be UUID, got STRING")
                .hasMessageContaining("widget.made.v1: required field 'count' is missing")
                .hasMessageContaining("widget.made.v1: required field 'made_at' is missing")
                .hasMessageContaining("widget.made.v1: field 'colour' must be STRING, got NUMBER")
                .satisfies(e -> assertThat(e.getMessage().split("; ")).hasSize(4));
    }

    @Test
    void requireValidRejectsNonObjectData() {
        assertThatThrownBy(() -> schema.requireValid(JsonNodeFactory.instance.arrayNode()))
                .isInstanceOf(InvalidEventException.class).hasMessage("widget.made.v1: data must be a JSON object");
    }

    @Test
    void projectKeepsOnlyTheSchemasFieldsAndLeavesTheInputAlone() {
        ObjectNode data = requiredOnly().put("colour", "red").put("seat_meta", "x").put("extra", 1);
        ObjectNode projected = schema.project(data);
        assertThat(projected.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("widget_id", "count", "made_at", "colour");
        assertThat(projected.get("colour").asText()).isEqualTo("red");
        assertThat(data.has("extra")).as("input untouched").isTrue();
        assertThat(projected).isNotSameAs(data);
    }

    @Test
    void projectOfNonObjectDataIsAnEmptyObject() {
        assertThat(schema.project(JsonNodeFactory.instance.arrayNode().add(1))).isEqualTo(Json.object());
    }

    @Test
    void aFieldDeclaredTwiceIsRejected() {
        EventSchema.Builder builder = EventSchema.builder("widget.made.v1", "events", "widget")
                .required("colour", FieldType.STRING);
        assertThatThrownBy(() -> builder.optional("colour", FieldType.INTEGER))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("widget.made.v1: field 'colour' declared twice");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Colour", "seat-meta", "1st", "_x", "seat meta"})
    void fieldNamesMustBeSnakeCase(String name) {
        assertThatThrownBy(() -> FieldSpec.required(name, FieldType.STRING)).isInstanceOf(InvalidEventException.class)
                .hasMessage("field name '" + name + "' must be snake_case");
    }

    @Test
    void aFieldNeedsAType() {
        assertThatThrownBy(() -> FieldSpec.optional("colour", null)).isInstanceOf(InvalidEventException.class)
                .hasMessage("field 'colour' needs a type");
    }

    @Test
    void aSchemaNeedsTypeDomainAndResourceType() {
        EventTypeName type = EventTypeName.of("widget.made", 1);
        for (Runnable r : new Runnable[] {() -> new EventSchema(null, "events", "widget", Map.of()),
                () -> new EventSchema(type, null, "widget", Map.of()),
                () -> new EventSchema(type, "events", null, Map.of())}) {
            assertThatThrownBy(r::run).isInstanceOf(InvalidEventException.class)
                    .hasMessage("an event schema needs a type, a domain and a resource type");
        }
        assertThatThrownBy(() -> EventSchema.builder("widget.made", "events", "widget"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("domain.verb.vN");
    }

    @Test
    void theSchemasFieldMapIsImmutable() {
        assertThatThrownBy(() -> schema.fields().put("x", FieldSpec.optional("x", FieldType.STRING)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
