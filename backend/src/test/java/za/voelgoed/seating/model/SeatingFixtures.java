package za.voelgoed.seating.model;


import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** Compact ways to write seat maps and free sets in tests. */
final class SeatingFixtures {

    private SeatingFixtures() {
    }

    static RowLayout row(String label, int seats, String category) {
        return new RowLayout(label, seats, category);
    }

    static SectionLayout section(String name, RowLayout... rows) {
        return new SectionLayout(name, List.of(rows));
    }

    static SeatMap map(SectionLayout... sections) {
        return SeatMap.of(List.of(sections));
    }

    static BitSet allFree(SeatMap map) {
        BitSet free = new BitSet(map.size());
        free.set(0, map.size());
        return free;
    }

    /**
     * One picture per row of the map, in row order: {@code .} is a free seat and {@code x} a taken one,
     * seat 1 first. E.g. {@code free(map, "..x.", "xxxx")}.
     */
    static BitSet free(SeatMap map, String... rowPictures) {
        if (rowPictures.length != map.rows().size()) {
            throw new IllegalArgumentException("one picture per row: " + map.rows().size());
        }
        BitSet free = new BitSet(map.size());
        for (int r = 0; r < rowPictures.length; r++) {
            SeatRow row = map.rows().get(r);
            String picture = rowPictures[r];
            if (picture.length() != row.size()) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " seats: " + picture);
            }
            for (int i = 0; i < picture.length(); i++) {
                if (picture.charAt(i) == '.') {
                    free.set(row.firstIndex() + i);
                }
            }
        }
        return free;
    }

    static List<String> ids(Optional<List<Seat>> seats) {
        return seats.orElseThrow().stream().map(seat -> seat.id().toString()).toList();
    }

    static List<String> ids(List<SeatId> ids) {
        return ids.stream().map(SeatId::toString).toList();
    }
}
