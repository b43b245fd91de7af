package za.voelgoed.seating.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable reserved-seating map of a show. Seat indices follow the layout exactly (sections in
 * given order, rows in given order, seats by number), so the same layout always yields the same
 * indices and a stored bitmap stays meaningful for as long as the layout is unchanged.
 */
public final class SeatMap {

    private final List<SectionLayout> layout;
    private final List<Seat> seats;
    private final List<SeatRow> rows;
    private final Map<RowKey, SeatRow> rowsByKey;
    private final Map<String, Integer> seatCountByCategory;

    private SeatMap(List<SectionLayout> layout) {
        this.layout = layout;
        List<Seat> allSeats = new ArrayList<>();
        List<SeatRow> allRows = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SectionLayout section : layout) {
            for (RowLayout row : section.rows()) {
                List<Seat> rowSeats = new ArrayList<>(row.seats());
                for (int number = 1; number <= row.seats(); number++) {
                    SeatId id = new SeatId(section.name(), row.label(), number);
                    rowSeats.add(new Seat(id, allSeats.size() + number - 1, row.category()));
                }
                allSeats.addAll(rowSeats);
                allRows.add(new SeatRow(section.name(), row.label(), row.category(), rowSeats));
                counts.merge(row.category(), row.seats(), Integer::sum);
            }
        }
        this.seats = List.copyOf(allSeats);
        this.rows = List.copyOf(allRows);
        this.seatCountByCategory = Collections.unmodifiableMap(counts);
        Map<RowKey, SeatRow> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(new RowKey(row.section(), row.label()), row));
        this.rowsByKey = Map.copyOf(byKey);
    }

    /** Builds the map, or throws {@link InvalidSeatMapException} listing every problem of the layout. */
    public static SeatMap of(List<SectionLayout> layout) {
        List<SeatMapViolation> violations = SeatMapValidator.violationsOf(layout);
        if (!violations.isEmpty()) {
            throw new InvalidSeatMapException(violations);
        }
        return new SeatMap(layout.stream()
                .map(section -> new SectionLayout(section.name(), List.copyOf(section.rows())))
                .toList());
    }

    /** The validated layout this map was built from, e.g. to store it. */
    public List<SectionLayout> layout() {
        return layout;
    }

    public int size() {
        return seats.size();
    }

    /** Every seat in index order. */
    public List<Seat> seats() {
        return seats;
    }

    /** Every row in layout order: sections as given, rows front to back. */
    public List<SeatRow> rows() {
        return rows;
    }

    public Seat seatAt(int index) {
        return seats.get(index);
    }

    public Optional<Seat> find(SeatId id) {
        return row(id.section(), id.row())
                .filter(row -> id.number() <= row.size())
                .map(row -> row.seat(id.number()));
    }

    public Optional<SeatRow> row(String section, String label) {
        return Optional.ofNullable(rowsByKey.get(new RowKey(section, label)));
    }

    /** The row holding {@code seat}, which must be a seat of this map. */
    public SeatRow rowOf(Seat seat) {
        if (seat.index() < 0 || seat.index() >= seats.size() || !seats.get(seat.index()).equals(seat)) {
            throw new IllegalArgumentException("seat " + seat.id() + " is not part of this seat map");
        }
        return rowsByKey.get(new RowKey(seat.id().section(), seat.id().row()));
    }

    /** Price categories in order of first appearance. */
    public List<String> categories() {
        return List.copyOf(seatCountByCategory.keySet());
    }

    /** Seats per price category, in order of first appearance. */
    public Map<String, Integer> seatCountByCategory() {
        return seatCountByCategory;
    }

    public int seatCount(String category) {
        return seatCountByCategory.getOrDefault(category, 0);
    }

    private record RowKey(String section, String label) {
    }
}
