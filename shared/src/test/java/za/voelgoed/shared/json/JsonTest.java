package za.voelgoed.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec itself, independent of the envelopes: naming, time format, strictness, error messages. */
class JsonTest {

    /** A plain record to see the mapper's settings without the envelopes' own validation. */
    record Sample(String displayName, long itemCount, Instant createdAt, UUID ownerId) {
    }

    private static final Instant AT = Instant.parse("2026-11-26T19:30:00.123456789Z");
    private static final UUID OWNER = UUID.fromString("0b6c64b2-8f0e-4b8e-9a51-6f3e2f1b7c11");

    @Test
    void recordComponentsAreWrittenInSnakeCase() {
        JsonNode tree = Json.tree(Json.write(new Sample("Main stage", 3, AT, OWNER)));
        assertThat(tree.properties()).extracting(Map.Entry::getKey)
                .containsExactly("display_name", "item_count", "created_at", "owner_id");
        assertThat(tree.get("display_name").asText()).isEqualTo("Main stage");
        assertThat(tree.get("item_count").isIntegralNumber()).isTrue();
        assertThat(tree.get("owner_id").asText()).isEqualTo(OWNER.toString());
    }

    @Test
    void instantsAreIsoStringsWithFullPrecision() {
        assertThat(Json.write(AT)).isEqualTo("\"2026-11-26T19:30:00.123456789Z\"");
        assertThat(Json.write(Instant.parse("2026-11-26T19:30:00Z"))).isEqualTo("\"2026-11-26T19:30:00Z\"");
        assertThat(Json.toTree(new Sample("x", 1, AT, OWNER)).get("created_at").isTextual()).isTrue();
    }

    @Test
    void isoInstantsWithAnOffsetDecodeToTheSameMoment() {
        assertThat(Json.read("\"2026-11-26T21:30:00+02:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-26T19:30:00Z"));
    }

    @Test
    void aRecordRoundTripsToAnEqualRecord() {
        Sample sample = new Sample("Main stage", 42, AT, OWNER);
        assertThat(Json.read(Json.write(sample), Sample.class)).isEqualTo(sample);
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerSendersDoNotBreakOlderReaders() {
        String json = "{\"display_name\":\"a\",\"item_count\":1,\"created_at\":\"2026-11-26T19:30:00Z\","
                + "\"owner_id\":\"" + OWNER + "\",\"added_in_v2\":{\"x\":1}}";
        assertThat(Json.read(json, Sample.class).displayName()).isEqualTo("a");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyTextIsRejectedNamingTheExpectedType(String text) {
        assertThatThrownBy(() -> Json.read(text, Sample.class)).isInstanceOf(JsonCodecException.class)
                .hasMessage("empty JSON where Sample was expected");
    }

    @Test
    void truncatedJsonIsMalformedWithItsLocation() {
        assertThatThrownBy(() -> Json.read("{\"display_name\":", Sample.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed Sample: not valid JSON")
                .hasMessageContaining("(line 1, column")
                .hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void trailingGarbageAfterAValueIsMalformed() {
        String valid = Json.write(new Sample("a", 1, AT, OWNER));
        assertThatThrownBy(() -> Json.read(valid + " {}", Sample.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed Sample");
        assertThatThrownBy(() -> Json.read(valid + "garbage", Sample.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed Sample: not valid JSON")
                .hasMessageNotContaining("garbage");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedInTheMessageWithoutEchoingTheValue() {
        String json = "{\"display_name\":\"a\",\"item_count\":\"4111111111111111\",\"created_at\":\"2026-11-26T19:30:00Z\"}";
        assertThatThrownBy(() -> Json.read(json, Sample.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed Sample at item_count: expected an integer")
                .hasMessageNotContaining("4111");
    }

    record Typed(int quantity, long cents, String name, boolean flag, double ratio) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"quantity\":\"5\",\"cents\":1,\"name\":\"a\",\"flag\":true,\"ratio\":1}",
        "{\"quantity\":1.5,\"cents\":1,\"name\":\"a\",\"flag\":true,\"ratio\":1}",
        "{\"quantity\":1,\"cents\":\"600\",\"name\":\"a\",\"flag\":true,\"ratio\":1}",
        "{\"quantity\":1,\"cents\":2.0,\"name\":\"a\",\"flag\":true,\"ratio\":1}",
        "{\"quantity\":1,\"cents\":1,\"name\":5,\"flag\":true,\"ratio\":1}",
        "{\"quantity\":1,\"cents\":1,\"name\":\"a\",\"flag\":\"true\",\"ratio\":1}",
        "{\"quantity\":1,\"cents\":1,\"name\":\"a\",\"flag\":1,\"ratio\":1}",
        "{\"quantity\":1,\"cents\":1,\"name\":\"a\",\"flag\":true,\"ratio\":\"1.5\"}",
        "{\"quantity\":true,\"cents\":1,\"name\":\"a\",\"flag\":true,\"ratio\":1}"})
    void valuesOfTheWrongJsonTypeAreRefusedNotCoerced(String json) {
        assertThatThrownBy(() -> Json.read(json, Typed.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("expected");
    }

    @Test
    void valuesOfTheRightJsonTypeAreRead() {
        Typed typed = Json.read("{\"quantity\":5,\"cents\":600,\"name\":\"a\",\"flag\":false,\"ratio\":2}", Typed.class);
        assertThat(typed).isEqualTo(new Typed(5, 600, "a", false, 2.0));
    }

    @Test
    void aMissingOrNullPrimitiveIsRejectedRatherThanDefaultedToZero() {
        assertThatThrownBy(() -> Json.read("{\"display_name\":\"a\"}", Sample.class))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("malformed Sample at item_count");
        assertThatThrownBy(() -> Json.read("{\"item_count\":null}", Sample.class))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("malformed Sample at item_count");
    }

    @Test
    void aWrongTopLevelShapeIsMalformed() {
        assertThatThrownBy(() -> Json.read("[1,2]", Sample.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed Sample");
        assertThatThrownBy(() -> Json.tree("{\"a\":")).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("malformed JsonNode");
    }

    @Test
    void anUnencodableValueRaisesACodecErrorNamingItsClass() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("cannot encode Object: ");
    }

    @Test
    void configureGivesAForeignMapperTheSameContract() {
        ObjectMapper other = Json.configure(new ObjectMapper());
        Sample sample = new Sample("Main stage", 7, AT, OWNER);
        assertThat(other.valueToTree(sample).toString()).isEqualTo(Json.write(sample));
    }

    @Test
    void objectAndTreeHelpersProduceJsonObjects() {
        assertThat(Json.object().isObject()).isTrue();
        assertThat(Json.object().isEmpty()).isTrue();
        assertThat(Json.tree("{\"a\":[1,2]}").get("a").size()).isEqualTo(2);
        assertThat(Json.toTree(new Sample("x", 1, AT, OWNER)).get("item_count").asLong()).isEqualTo(1);
        assertThat(Json.mapper()).isSameAs(Json.mapper());
    }
}
