package za.voelgoed.seating.model;


import java.util.ArrayList;
import java.util.List;

/** The largest map allowed: ten sections of ten rows of 200 seats, all one category. */
final class TwentyThousandSeats {

    private TwentyThousandSeats() {
    }

    static SeatMap map() {
        return SeatMap.of(layout());
    }

    static List<SectionLayout> layout() {
        List<SectionLayout> sections = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            List<RowLayout> rows = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
                rows.add(new RowLayout("R" + r, 200, "standard"));
            }
            sections.add(new SectionLayout("Block " + s, rows));
        }
        return sections;
    }
}
