package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.voelgoed.seating.model.SeatingFixtures.map;
import static za.voelgoed.seating.model.SeatingFixtures.row;
import static za.voelgoed.seating.model.SeatingFixtures.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    private final SeatMap theatre = map(
            section("Upper Circle", row("B", 3, "premium"), row("A", 2, "standard")),
            section("Stalls", row("A", 4, "standard")));

    @Test
    void indicesFollowSectionsThenRowsAsGivenThenSeatNumbers() {
        assertThat(theatre.seats()).extracting(seat -> seat.id().toString()).containsExactly(
                "Upper Circle:B:1", "Upper Circle:B:2", "Upper Circle:B:3",
                "Upper Circle:A:1", "Upper Circle:A:2",
                "Stalls:A:1", "Stalls:A:2", "Stalls:A:3", "Stalls:A:4");
        assertThat(theatre.seats()).extracting(Seat::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(theatre.size()).isEqualTo(9);
    }

    @Test
    void theSameLayoutAlwaysGivesTheSameSeats() {
        SeatMap again = SeatMap.of(theatre.layout());

        assertThat(again.seats()).isEqualTo(theatre.seats());
        assertThat(again.layout()).isEqualTo(theatre.layout());
    }

    @Test
    void everyIdRoundTripsThroughTextAndLookups() {
        for (Seat seat : theatre.seats()) {
            SeatId parsed = SeatId.parse(seat.id().toString());

            assertThat(parsed).isEqualTo(seat.id());
            assertThat(theatre.find(parsed)).contains(seat);
            assertThat(theatre.seatAt(seat.index())).isEqualTo(seat);
        }
    }

    @Test
    void seatsCarryTheirRowsCategory() {
        assertThat(theatre.find(SeatId.parse("Upper Circle:B:3")).orElseThrow().category()).isEqualTo("premium");
        assertThat(theatre.find(SeatId.parse("Stalls:A:1")).orElseThrow().category()).isEqualTo("standard");
    }

    @Test
    void unknownSeatsAreNotFound() {
        assertThat(theatre.find(new SeatId("Stalls", "A", 5))).isEmpty();
        assertThat(theatre.find(new SeatId("Stalls", "B", 1))).isEmpty();
        assertThat(theatre.find(new SeatId("Pit", "A", 1))).isEmpty();
        assertThatThrownBy(() -> theatre.seatAt(9)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRowListsItsSeatsInNumberOrder() {
        SeatRow row = theatre.row("Upper Circle", "B").orElseThrow();

        assertThat(row.seats()).extracting(seat -> seat.id().number()).containsExactly(1, 2, 3);
        assertThat(row.firstIndex()).isZero();
        assertThat(row.category()).isEqualTo("premium");
        assertThat(row.seat(2).id()).isEqualTo(new SeatId("Upper Circle", "B", 2));
        assertThat(theatre.row("Stalls", "Z")).isEmpty();
        assertThat(theatre.rows()).extracting(SeatRow::label).containsExactly("B", "A", "A");
    }

    @Test
    void rowOfFindsTheRowOfOwnSeatsOnly() {
        Seat seat = theatre.find(SeatId.parse("Stalls:A:2")).orElseThrow();
        Seat stranger = new Seat(seat.id(), 3, seat.category());

        assertThat(theatre.rowOf(seat)).isEqualTo(theatre.row("Stalls", "A").orElseThrow());
        assertThatThrownBy(() -> theatre.rowOf(stranger)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoriesAndCountsFollowFirstAppearance() {
        assertThat(theatre.categories()).containsExactly("premium", "standard");
        assertThat(theatre.seatCountByCategory()).containsExactly(Map.entry("premium", 3), Map.entry("standard", 6));
        assertThat(theatre.seatCount("standard")).isEqualTo(6);
        assertThat(theatre.seatCount("vip")).isZero();
    }

    @Test
    void theMapCannotBeChangedThroughWhatItHandsOut() {
        assertThatThrownBy(() -> theatre.seats().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> theatre.rows().getFirst().seats().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> theatre.seatCountByCategory().put("vip", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> theatre.layout().getFirst().rows().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changingTheCallersLayoutListLeavesTheMapAlone() {
        List<RowLayout> rows = new ArrayList<>(List.of(row("A", 2, "c")));
        SeatMap built = SeatMap.of(List.of(new SectionLayout("S", rows)));

        rows.add(row("B", 5, "c"));

        assertThat(built.size()).isEqualTo(2);
        assertThat(built.layout().getFirst().rows()).hasSize(1);
    }
}
