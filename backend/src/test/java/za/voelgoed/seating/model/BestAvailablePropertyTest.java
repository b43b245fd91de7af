package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random maps and free sets (fixed seed) checked against a brute-force search of every block. */
class BestAvailablePropertyTest {

    private static final int CASES = 3_000;
    private static final List<String> CATEGORIES = List.of("a", "b", "c");

    @Test
    void choicesAreValidAndMatchABruteForceSearch() {
        Random random = new Random(20_260_101L);
        int clean = 0;
        int orphaning = 0;
        int none = 0;
        for (int i = 0; i < CASES; i++) {
            SeatMap map = randomMap(random);
            BitSet free = randomFree(random, map);
            int quantity = 1 + random.nextInt(BestAvailable.MAX_QUANTITY);
            String category = random.nextBoolean() ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size()));

            Optional<List<Seat>> chosen = category == null
                    ? BestAvailable.choose(map, free, quantity)
                    : BestAvailable.choose(map, free, quantity, category);
            Optional<Candidate> expected = bruteForce(map, free, quantity, category);

            String context = "case " + i + ": " + map.layout() + " free=" + free + " q=" + quantity
                    + " category=" + category;
            assertThat(chosen.isPresent()).as(context).isEqualTo(expected.isPresent());
            if (chosen.isEmpty()) {
                none++;
                continue;
            }
            List<Seat> seats = chosen.get();
            assertValidBlock(map, free, quantity, category, seats, context);
            boolean strands = !OrphanRule.orphansLeftBy(map, free, seats).isEmpty();
            assertThat(strands).as("strands only when every block strands: " + context)
                    .isEqualTo(expected.get().strands());
            assertThat(seats).as(context).isEqualTo(expected.get().seats());
            if (strands) {
                orphaning++;
            } else {
                clean++;
            }
        }
        // The generator must reach every outcome, or the checks above prove little.
        assertThat(clean).isGreaterThan(CASES / 10);
        assertThat(orphaning).isGreaterThan(CASES / 100);
        assertThat(none).isGreaterThan(CASES / 100);
    }

    private static void assertValidBlock(SeatMap map, BitSet free, int quantity, String category,
            List<Seat> seats, String context) {
        assertThat(seats).as(context).hasSize(quantity).allSatisfy(seat -> {
            assertThat(free.get(seat.index())).as("free: " + context).isTrue();
            assertThat(map.rowOf(seat)).as("one row: " + context).isEqualTo(map.rowOf(seats.getFirst()));
            if (category != null) {
                assertThat(seat.category()).as(context).isEqualTo(category);
            }
        });
        for (int k = 1; k < seats.size(); k++) {
            assertThat(seats.get(k).id().number()).as("contiguous: " + context)
                    .isEqualTo(seats.get(k - 1).id().number() + 1);
        }
    }

    /** Every free block of every matching row, ranked by the documented preference. */
    private static Optional<Candidate> bruteForce(SeatMap map, BitSet free, int quantity, String category) {
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < map.rows().size(); r++) {
            SeatRow row = map.rows().get(r);
            if (category != null && !category.equals(row.category())) {
                continue;
            }
            for (int start = 1; start + quantity - 1 <= row.size(); start++) {
                List<Seat> block = row.seats().subList(start - 1, start - 1 + quantity);
                if (block.stream().allMatch(seat -> free.get(seat.index()))) {
                    boolean strands = !OrphanRule.orphansLeftBy(map, free, block).isEmpty();
                    double offCentre = Math.abs((start + (quantity - 1) / 2.0) - (row.size() + 1) / 2.0);
                    candidates.add(new Candidate(block, strands, r, offCentre, start));
                }
            }
        }
        return candidates.stream().min(Comparator.comparing(Candidate::strands)
                .thenComparingInt(Candidate::rowOrder)
                .thenComparingDouble(Candidate::offCentre)
                .thenComparingInt(Candidate::start));
    }

    private static SeatMap randomMap(Random random) {
        List<SectionLayout> sections = new ArrayList<>();
        int sectionCount = 1 + random.nextInt(3);
        for (int s = 0; s < sectionCount; s++) {
            List<RowLayout> rows = new ArrayList<>();
            int rowCount = 1 + random.nextInt(4);
            for (int r = 0; r < rowCount; r++) {
                rows.add(new RowLayout("R" + r, 1 + random.nextInt(15), CATEGORIES.get(random.nextInt(3))));
            }
            sections.add(new SectionLayout("Section " + s, rows));
        }
        return SeatMap.of(sections);
    }

    private static BitSet randomFree(Random random, SeatMap map) {
        double density = 0.2 + 0.75 * random.nextDouble();
        BitSet free = new BitSet(map.size());
        for (int i = 0; i < map.size(); i++) {
            if (random.nextDouble() < density) {
                free.set(i);
            }
        }
        return free;
    }

    private record Candidate(List<Seat> seats, boolean strands, int rowOrder, double offCentre, int start) {
    }
}
