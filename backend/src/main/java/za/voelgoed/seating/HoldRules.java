package za.voelgoed.seating;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.seating.model.BestAvailable;
import za.voelgoed.seating.model.SeatId;
import za.voelgoed.seating.model.SeatMap;

/** Edge checks of a hold request: which kind it is, and that its seats exist. */
final class HoldRules {

    static final int MAX_SEATS = 10;
    static final int MAX_QUANTITY = 20;

    /** The three ways to ask for a hold. */
    enum Kind { SEATS, BEST_AVAILABLE, GENERAL_ADMISSION }

    private HoldRules() {
    }

    static Kind validate(HoldRequest request) {
        int given = (request.seats() != null ? 1 : 0) + (request.bestAvailable() != null ? 1 : 0)
                + (request.ticketType() != null ? 1 : 0);
        Validation check = new Validation().require(given == 1, "seats",
                "give exactly one of seats, best_available or ticket_type");
        check.orThrow();
        if (request.seats() != null) {
            check.require(!request.seats().isEmpty() && request.seats().size() <= MAX_SEATS, "seats",
                    "must list 1 to " + MAX_SEATS + " seats")
                    .require(new LinkedHashSet<>(request.seats()).size() == request.seats().size(), "seats",
                            "must not repeat a seat").orThrow();
            return Kind.SEATS;
        }
        if (request.bestAvailable() != null) {
            Integer quantity = request.bestAvailable().quantity();
            check.require(quantity != null && quantity >= BestAvailable.MIN_QUANTITY
                    && quantity <= BestAvailable.MAX_QUANTITY, "best_available.quantity",
                    "must be between " + BestAvailable.MIN_QUANTITY + " and " + BestAvailable.MAX_QUANTITY).orThrow();
            return Kind.BEST_AVAILABLE;
        }
        check.text(request.ticketType(), "ticket_type", 1, 40)
                .require(request.quantity() != null && request.quantity() >= 1 && request.quantity() <= MAX_QUANTITY,
                        "quantity", "must be between 1 and " + MAX_QUANTITY).orThrow();
        return Kind.GENERAL_ADMISSION;
    }

    /** The seat indexes of the requested seat ids; unknown or malformed ids are a 422 naming each. */
    static List<Integer> seatIndexes(SeatMap map, List<String> seatIds) {
        List<Integer> indexes = new ArrayList<>();
        Validation check = new Validation();
        for (int i = 0; i < seatIds.size(); i++) {
            String text = seatIds.get(i);
            try {
                var seat = map.find(SeatId.parse(text));
                check.require(seat.isPresent(), "seats[" + i + "]", "no such seat in this event");
                seat.ifPresent(s -> indexes.add(s.index()));
            } catch (RuntimeException malformed) {
                check.require(false, "seats[" + i + "]", "is not a seat id (section:row:number)");
            }
        }
        check.orThrow();
        return indexes;
    }
}
