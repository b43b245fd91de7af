package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeatIdTest {

    @Test
    void readsSectionRowAndNumberAndWritesThemBack() {
        SeatId id = SeatId.parse("Upper Circle:AA:12");

        assertThat(id).isEqualTo(new SeatId("Upper Circle", "AA", 12));
        assertThat(id.toString()).isEqualTo("Upper Circle:AA:12");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Stalls", "Stalls:A", "Stalls:A:1:2", ":A:1", "Stalls::1", "Stalls:A:", "Stalls:A:0", "Stalls:A:01",
        "Stalls:A:+1", "Stalls:A:-1", "Stalls:A:x", "Stalls:A:201", "Stalls:A:99999999999", " Stalls:A:1",
        "Stalls:A :1", "Stalls:A:1 ", "Stalls:ABCDEFGHIJK:1", "Sta\nlls:A:1", "Stalls:A:١"})
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> SeatId.parse(text))
                .isInstanceOf(MalformedSeatIdException.class)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongestValidNamesParse() {
        String text = "s".repeat(40) + ":" + "r".repeat(10) + ":200";

        assertThat(SeatId.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void errorMessagesDoNotRepeatHugeInput() {
        String huge = "x".repeat(10_000);

        assertThatThrownBy(() -> SeatId.parse(huge))
                .hasMessageStartingWith("seat id must be section:row:number, got 'xxx")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void aSeatIdCannotBeBuiltWithAColonInItsParts() {
        assertThatThrownBy(() -> new SeatId("Box:1", "A", 1)).hasMessage("section must not contain ':'");
        assertThatThrownBy(() -> new SeatId("Box", "A:1", 1)).hasMessage("row must not contain ':'");
        assertThatThrownBy(() -> new SeatId("Box", "A", 0)).hasMessage("number must be between 1 and 200");
    }
}
