package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.voelgoed.seating.model.SeatingFixtures.free;
import static za.voelgoed.seating.model.SeatingFixtures.ids;
import static za.voelgoed.seating.model.SeatingFixtures.map;
import static za.voelgoed.seating.model.SeatingFixtures.row;
import static za.voelgoed.seating.model.SeatingFixtures.section;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrphanRuleTest {

    private final SeatMap stalls = map(section("S", row("A", 6, "c"), row("B", 6, "c")));

    @Test
    void takingTheSecondSeatStrandsTheFirstAtTheRowsEdge() {
        assertThat(orphans(free(stalls, "......", "......"), "S:A:2")).containsExactly("S:A:1");
        assertThat(orphans(free(stalls, "......", "......"), "S:A:5")).containsExactly("S:A:6");
    }

    @Test
    void takingAnEdgeSeatStrandsNothingWhileTwoRemainBeside() {
        assertThat(orphans(free(stalls, "......", "......"), "S:A:1")).isEmpty();
        assertThat(orphans(free(stalls, "......", "......"), "S:A:6")).isEmpty();
        assertThat(orphans(free(stalls, "......", "......"), "S:A:1", "S:A:2")).isEmpty();
    }

    @Test
    void aBlockInTheMiddleCanStrandSeatsOnBothSides() {
        assertThat(orphans(free(stalls, "x....x", "......"), "S:A:3", "S:A:4")).containsExactly("S:A:2", "S:A:5");
        assertThat(orphans(free(stalls, "x....x", "......"), "S:A:3")).containsExactly("S:A:2");
    }

    @Test
    void takingAWholeRunStrandsNothing() {
        assertThat(orphans(free(stalls, "x....x", "......"), "S:A:2", "S:A:3", "S:A:4", "S:A:5")).isEmpty();
    }

    @Test
    void seatsStrandedBeforeTheSelectionAreNotItsDoing() {
        assertThat(orphans(free(stalls, ".x....", "......"), "S:A:3", "S:A:4", "S:A:5", "S:A:6")).isEmpty();
        assertThat(orphans(free(stalls, ".x....", "......"), "S:A:4", "S:A:5")).containsExactly("S:A:3", "S:A:6");
        // Asking for an already taken seat changes nothing, so its stranded neighbours are not reported.
        assertThat(orphans(free(stalls, ".x.xxx", "......"), "S:A:2")).isEmpty();
    }

    @Test
    void rowsEndAtTheirLastSeatEvenThoughIndicesRunOn() {
        // A:6 and B:1 have neighbouring indices but are not neighbours.
        assertThat(orphans(free(stalls, "xxxx..", "......"), "S:B:1")).isEmpty();
        assertThat(orphans(free(stalls, "xxxx..", "......"), "S:A:5")).containsExactly("S:A:6");
    }

    @Test
    void orphansOfSeveralRowsAreListedInIndexOrder() {
        assertThat(orphans(free(stalls, "......", "......"), "S:B:2", "S:A:5")).containsExactly("S:A:6", "S:B:1");
    }

    @Test
    void theFreeSetIsLeftUntouched() {
        BitSet free = free(stalls, "......", "......");
        BitSet before = (BitSet) free.clone();

        orphans(free, "S:A:2");

        assertThat(free).isEqualTo(before);
    }

    @Test
    void seatsOfAnotherMapAreRefused() {
        SeatMap other = map(section("S", row("A", 3, "c")));
        Seat foreign = new Seat(new SeatId("S", "A", 1), 7, "c");

        assertThatThrownBy(() -> OrphanRule.orphansLeftBy(other, new BitSet(), List.of(foreign)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> orphans(BitSet free, String... seatIds) {
        List<Seat> selection = Arrays.stream(seatIds)
                .map(id -> stalls.find(SeatId.parse(id)).orElseThrow())
                .toList();
        return ids(OrphanRule.orphansLeftBy(stalls, free, selection));
    }
}
