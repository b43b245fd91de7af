package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import za.voelgoed.shared.json.Json;

class PiiScrubberTest {

    private final PiiScrubber scrubber = new PiiScrubber();

    @ParameterizedTest
    @ValueSource(strings = {"card_number", "cardNumber", "PAN", "cvv", "CVC2", "security-code", "expiry",
            "billing_address", "address", "postal_code", "id_number", "date_of_birth"})
    void sensitiveFieldNamesLoseTheirValues(String field) {
        JsonNode scrubbed = scrubber.scrub(Json.object().put(field, "secret value").put("name", "Thandi"));
        assertThat(scrubbed.get(field).asText()).isEqualTo(PiiScrubber.REDACTED);
        assertThat(scrubbed.get("name").asText()).isEqualTo("Thandi");
    }

    @Test
    void nestedObjectsAndArraysAreScrubbed() {
        JsonNode data = Json.tree("{\"customer\":{\"name\":\"Sipho\",\"address\":{\"street\":\"12 Long St\"}},"
                + "\"payments\":[{\"cvv\":\"123\",\"amount_cents\":5000}]}");
        JsonNode scrubbed = scrubber.scrub(data);
        assertThat(scrubbed.at("/customer/address").asText()).isEqualTo(PiiScrubber.REDACTED);
        assertThat(scrubbed.at("/customer/name").asText()).isEqualTo("Sipho");
        assertThat(scrubbed.at("/payments/0/cvv").asText()).isEqualTo(PiiScrubber.REDACTED);
        assertThat(scrubbed.at("/payments/0/amount_cents").asInt()).isEqualTo(5000);
        assertThat(data.at("/customer/address/street").asText()).as("input is not changed").isEqualTo("12 Long St");
    }

    @Test
    void cardNumbersInFreeTextAndNumbersAreMasked() {
        JsonNode scrubbed = scrubber.scrub(Json.object()
                .put("note", "paid with 4111 1111 1111 1111 at the gate")
                .put("dashed", "5500-0000-0000-0004")
                .put("raw", 4111111111111111L));
        assertThat(scrubbed.get("note").asText()).isEqualTo("paid with " + PiiScrubber.REDACTED_PAN + " at the gate");
        assertThat(scrubbed.get("dashed").asText()).isEqualTo(PiiScrubber.REDACTED_PAN);
        assertThat(scrubbed.get("raw").asText()).isEqualTo(PiiScrubber.REDACTED_PAN);
    }

    @Test
    void digitRunsThatAreNotCardNumbersStay() {
        JsonNode data = Json.object()
                .put("order_ref", "4111111111111112")
                .put("phone", "0821234567")
                .put("id", "12345678-1234-1234-1234-123456789012")
                .put("at", "2026-11-26T21:00:00Z")
                .put("price_cents", 1234567890123L);
        assertThat(scrubber.scrub(data)).isEqualTo(data);
    }

    @Test
    void cardNumbersWrittenWithDotsSlashesOrFullWidthDigitsAreMasked() {
        JsonNode scrubbed = scrubber.scrub(Json.object()
                .put("title", "Gala 4111.1111.1111.1111")
                .put("slashed", "4111/1111/1111/1111 ok")
                .put("wide", "\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11")
                .put("then_year", "4111 1111 1111 1111 2026"));
        assertThat(scrubbed.get("title").asText()).isEqualTo("Gala " + PiiScrubber.REDACTED_PAN);
        assertThat(scrubbed.get("slashed").asText()).isEqualTo(PiiScrubber.REDACTED_PAN + " ok");
        assertThat(scrubbed.get("wide").asText()).isEqualTo(PiiScrubber.REDACTED_PAN);
        assertThat(scrubbed.get("then_year").asText()).isEqualTo(PiiScrubber.REDACTED_PAN + " 2026");
    }

    @Test
    void scrubTextMasksFreeText() {
        assertThat(PiiScrubber.scrubText("declined 5500-0000-0000-0004 (do not honour)"))
                .isEqualTo("declined " + PiiScrubber.REDACTED_PAN + " (do not honour)");
        assertThat(PiiScrubber.scrubText(null)).isNull();
    }
}
