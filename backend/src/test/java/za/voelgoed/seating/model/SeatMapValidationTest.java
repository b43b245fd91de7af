package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static za.voelgoed.seating.model.SeatingFixtures.row;
import static za.voelgoed.seating.model.SeatingFixtures.section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeatMapValidationTest {

    @Test
    void everyViolationIsReportedWithItsFieldPath() {
        List<SeatMapViolation> violations = violationsOf(List.of(
                section("Stalls", row("A", 10, "standard")),
                section("Balcony", row("A", 0, "standard"), row("", 5, "VIP"), row("A", 5, "premium"))));

        assertThat(violations).containsExactly(
                new SeatMapViolation("seating.sections[1].rows[0].seats", "must be between 1 and 200"),
                new SeatMapViolation("seating.sections[1].rows[1].label", "must be 1 to 10 characters"),
                new SeatMapViolation("seating.sections[1].rows[1].category", "must match [a-z][a-z0-9_]{0,29}"),
                new SeatMapViolation("seating.sections[1].rows[2].label",
                        "must be unique, already used by seating.sections[1].rows[0].label"));
    }

    @Test
    void seatsPerRowMustBeBetweenOneAndTwoHundred() {
        assertThat(violationsOf(List.of(section("S", row("A", 1, "c"), row("B", 200, "c"))))).isEmpty();
        assertThat(violationsOf(List.of(section("S", row("A", 201, "c"), row("B", -3, "c")))))
                .extracting(SeatMapViolation::field, SeatMapViolation::message)
                .containsExactly(
                        tuple("seating.sections[0].rows[0].seats", "must be between 1 and 200"),
                        tuple("seating.sections[0].rows[1].seats", "must be between 1 and 200"));
    }

    @Test
    void sectionNamesMayHoldSpacesButMustBeUniqueAndShortAndFreeOfColons() {
        List<SeatMapViolation> violations = violationsOf(List.of(
                section("Upper Circle", row("A", 1, "c")),
                section("Upper Circle", row("A", 1, "c")),
                section("x".repeat(41), row("A", 1, "c")),
                section("Box:1", row("A", 1, "c")),
                section(" Pit", row("A", 1, "c")),
                section("   ", row("A", 1, "c")),
                section(null, row("A", 1, "c"))));

        assertThat(violations).containsExactly(
                new SeatMapViolation("seating.sections[1].name",
                        "must be unique, already used by seating.sections[0].name"),
                new SeatMapViolation("seating.sections[2].name", "must be 1 to 40 characters"),
                new SeatMapViolation("seating.sections[3].name", "must not contain ':'"),
                new SeatMapViolation("seating.sections[4].name", "must not start or end with whitespace"),
                new SeatMapViolation("seating.sections[5].name", "must not be blank"),
                new SeatMapViolation("seating.sections[6].name", "is required"));
        assertThat(violationsOf(List.of(section("x".repeat(40), row("A", 1, "c"))))).isEmpty();
    }

    @Test
    void rowLabelsAreUniquePerSectionOnly() {
        assertThat(violationsOf(List.of(section("S1", row("A", 1, "c")), section("S2", row("A", 1, "c"))))).isEmpty();
        assertThat(violationsOf(List.of(section("S", row("A", 1, "c"), row("B", 1, "c"), row("A", 1, "c")))))
                .containsExactly(new SeatMapViolation("seating.sections[0].rows[2].label",
                        "must be unique, already used by seating.sections[0].rows[0].label"));
        assertThat(violationsOf(List.of(section("S", row("x".repeat(11), 1, "c"), row("AA:1", 1, "c")))))
                .extracting(SeatMapViolation::message)
                .containsExactly("must be 1 to 10 characters", "must not contain ':'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "standard", "vip_2", "z0_", "abcdefghijklmnopqrstuvwxyz0123"})
    void categoriesMatchingThePatternAreAccepted(String category) {
        assertThat(violationsOf(List.of(section("S", row("A", 1, category))))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Vip", "1st", "_a", "vip-2", "a b", "abcdefghijklmnopqrstuvwxyz01234"})
    void categoriesNotMatchingThePatternAreRefused(String category) {
        assertThat(violationsOf(List.of(section("S", row("A", 1, category)))))
                .containsExactly(new SeatMapViolation("seating.sections[0].rows[0].category",
                        "must match [a-z][a-z0-9_]{0,29}"));
    }

    @Test
    void twentyThousandSeatsAreTheMostAMapMayHold() {
        assertThatNoException().isThrownBy(() -> SeatMap.of(TwentyThousandSeats.layout()));

        List<SectionLayout> oneTooMany = new ArrayList<>(TwentyThousandSeats.layout());
        oneTooMany.add(section("Extra", row("A", 1, "c")));
        assertThat(violationsOf(oneTooMany)).containsExactly(
                new SeatMapViolation("seating.sections", "must hold at most 20000 seats in total, not 20001"));
    }

    @Test
    void missingPartsAreReportedNotThrownAsNullPointers() {
        assertThat(violationsOf(null)).containsExactly(
                new SeatMapViolation("seating.sections", "must have at least one section"));
        assertThat(violationsOf(List.of())).extracting(SeatMapViolation::field).containsExactly("seating.sections");
        assertThat(violationsOf(Arrays.asList(section("S", row("A", 1, "c")), null, new SectionLayout("T", null),
                new SectionLayout("U", Collections.singletonList(null)), section("V", row("A", 1, null)))))
                .containsExactly(
                        new SeatMapViolation("seating.sections[1]", "is required"),
                        new SeatMapViolation("seating.sections[2].rows", "must have at least one row"),
                        new SeatMapViolation("seating.sections[3].rows[0]", "is required"),
                        new SeatMapViolation("seating.sections[4].rows[0].category", "is required"));
    }

    @Test
    void theExceptionCarriesAllViolationsAndNamesTheFirst() {
        assertThatThrownBy(() -> SeatMap.of(List.of(section("S", row("A", 0, "c"), row("B", 0, "c")))))
                .isInstanceOfSatisfying(InvalidSeatMapException.class,
                        e -> assertThat(e.violations()).hasSize(2))
                .hasMessageContaining("2 seating layout violation(s)")
                .hasMessageContaining("seating.sections[0].rows[0].seats");
    }

    private static List<SeatMapViolation> violationsOf(List<SectionLayout> layout) {
        try {
            SeatMap.of(layout);
            return List.of();
        } catch (InvalidSeatMapException e) {
            return e.violations();
        }
    }
}
