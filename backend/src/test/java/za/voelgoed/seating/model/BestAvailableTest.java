package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static za.voelgoed.seating.model.SeatingFixtures.allFree;
import static za.voelgoed.seating.model.SeatingFixtures.free;
import static za.voelgoed.seating.model.SeatingFixtures.ids;
import static za.voelgoed.seating.model.SeatingFixtures.map;
import static za.voelgoed.seating.model.SeatingFixtures.row;
import static za.voelgoed.seating.model.SeatingFixtures.section;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestAvailableTest {

    private final SeatMap stalls = map(section("Stalls", row("A", 10, "standard"), row("B", 10, "standard")));

    @Test
    void anEmptyHouseGivesTheFrontRowCentre() {
        assertThat(ids(BestAvailable.choose(stalls, allFree(stalls), 2))).containsExactly("Stalls:A:5", "Stalls:A:6");
        assertThat(ids(BestAvailable.choose(stalls, allFree(stalls), 1))).containsExactly("Stalls:A:5");
    }

    @Test
    void ofTwoEquallyCentralBlocksTheLowerNumbersWin() {
        // Row of 10, centre between 5 and 6: seats 4-6 and 5-7 are equally far off.
        assertThat(ids(BestAvailable.choose(stalls, allFree(stalls), 3)))
                .containsExactly("Stalls:A:4", "Stalls:A:5", "Stalls:A:6");
        assertThat(ids(BestAvailable.choose(stalls, free(stalls, "....xx....", "xxxxxxxxxx"), 2)))
                .containsExactly("Stalls:A:3", "Stalls:A:4");
    }

    @Test
    void aFrontRowEdgeBeatsACentreFurtherBack() {
        assertThat(ids(BestAvailable.choose(stalls, free(stalls, "xxxxxxx...", ".........."), 3)))
                .containsExactly("Stalls:A:8", "Stalls:A:9", "Stalls:A:10");
    }

    @Test
    void anEarlierSectionBeatsAFrontRowOfALaterOne() {
        SeatMap house = map(section("Circle", row("F", 6, "standard")), section("Stalls", row("A", 6, "standard")));

        assertThat(ids(BestAvailable.choose(house, free(house, "..xxxx", "......"), 2)))
                .containsExactly("Circle:F:1", "Circle:F:2");
    }

    @Test
    void onlyRowsOfTheAskedCategoryAreConsidered() {
        SeatMap house = map(section("Stalls", row("A", 6, "standard"), row("B", 6, "premium"), row("C", 6, "premium")));

        assertThat(ids(BestAvailable.choose(house, allFree(house), 2, "premium")))
                .containsExactly("Stalls:B:3", "Stalls:B:4");
        assertThat(BestAvailable.choose(house, free(house, "......", "xxxxxx", "xxxxxx"), 2, "premium")).isEmpty();
        assertThat(BestAvailable.choose(house, allFree(house), 2, "vip")).isEmpty();
    }

    @Test
    void theMostCentralBlockIsSkippedWhenItWouldStrandASeat() {
        SeatMap row = map(section("S", row("A", 9, "c")));

        // Free run 3-6: seats 4-5 are most central but would strand 3 and 6.
        assertThat(ids(BestAvailable.choose(row, free(row, "xx....xxx"), 2))).containsExactly("S:A:5", "S:A:6");
    }

    @Test
    void aRowWhereEveryBlockStrandsASeatIsPassedOverForALaterCleanRow() {
        assertThat(ids(BestAvailable.choose(stalls, free(stalls, "xxx...xxxx", ".........."), 2)))
                .containsExactly("Stalls:B:5", "Stalls:B:6");
    }

    @Test
    void whenEveryBlockStrandsASeatTheBestOfThemIsTaken() {
        BitSet free = free(stalls, "xxxx...xxx", "x...xxxxxx");

        List<Seat> chosen = BestAvailable.choose(stalls, free, 2).orElseThrow();

        assertThat(chosen).extracting(seat -> seat.id().toString()).containsExactly("Stalls:A:5", "Stalls:A:6");
        assertThat(ids(OrphanRule.orphansLeftBy(stalls, free, chosen))).containsExactly("Stalls:A:7");
    }

    @Test
    void partiesAreNeverSplit() {
        assertThat(BestAvailable.choose(stalls, free(stalls, "..x..x..x.", ".x.x.x.x.x"), 3)).isEmpty();
        assertThat(BestAvailable.choose(stalls, new BitSet(), 1)).isEmpty();
    }

    @Test
    void aLoneFreeSeatSuitsAPartyOfOne() {
        assertThat(ids(BestAvailable.choose(stalls, free(stalls, "x.xxxxxxxx", "xxxxxxxxxx"), 1)))
                .containsExactly("Stalls:A:2");
    }

    @Test
    void quantityMustBeOneToTen() {
        BitSet free = allFree(stalls);

        assertThatThrownBy(() -> BestAvailable.choose(stalls, free, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> BestAvailable.choose(stalls, free, 11, "standard"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BestAvailable.choose(stalls, free, 10).orElseThrow()).hasSize(10);
        assertThat(BestAvailable.choose(stalls, free(stalls, ".........x", ".........x"), 10)).isEmpty();
    }

    @Test
    void theFreeSetIsLeftUntouchedAndBitsBeyondTheMapAreIgnored() {
        BitSet free = new BitSet();
        free.set(stalls.size(), stalls.size() + 20);
        BitSet before = (BitSet) free.clone();

        assertThat(BestAvailable.choose(stalls, free, 2)).isEmpty();
        assertThat(free).isEqualTo(before);
    }

    @Test
    void theSameInputAlwaysGivesTheSameSeats() {
        BitSet free = free(stalls, "x..x..x..x", "..........");

        assertThat(ids(BestAvailable.choose(stalls, free, 2)))
                .isEqualTo(ids(BestAvailable.choose(stalls, (BitSet) free.clone(), 2)))
                .containsExactly("Stalls:A:5", "Stalls:A:6");
    }

    @Test
    void aFullSizedMapIsSearched() {
        SeatMap arena = TwentyThousandSeats.map();
        BitSet free = new BitSet(arena.size());

        assertThat(arena.size()).isEqualTo(SeatingLimits.MAX_SEATS);
        assertThat(ids(BestAvailable.choose(arena, allFree(arena), 10))).first().isEqualTo("Block 0:R0:96");

        SeatRow lastRow = arena.rows().getLast();
        free.set(lastRow.firstIndex() + 190, lastRow.firstIndex() + 200);
        assertThat(BestAvailable.choose(arena, free, 10).orElseThrow()).containsExactlyElementsOf(
                lastRow.seats().subList(190, 200));
        assertThat(BestAvailable.choose(arena, free, 10, "premium")).isEmpty();
    }
}
