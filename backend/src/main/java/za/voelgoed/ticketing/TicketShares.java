package za.voelgoed.ticketing;

import java.util.List;

/** Spreads an order's discount over its tickets so that their prices add up to the order's total. */
final class TicketShares {

    private TicketShares() {
    }

    /** The price of ticket {@code i} after its share of {@code discountCents}; the last ticket takes the rest. */
    static long share(List<Long> unitPrices, long discountCents, int i) {
        long subtotal = unitPrices.stream().mapToLong(Long::longValue).sum();
        if (subtotal == 0 || discountCents == 0) {
            return unitPrices.get(i);
        }
        long given = 0;
        for (int k = 0; k < unitPrices.size() - 1; k++) {
            long part = Math.floorDiv(Math.multiplyExact(discountCents, unitPrices.get(k)), subtotal);
            if (k == i) {
                return unitPrices.get(k) - part;
            }
            given += part;
        }
        return unitPrices.get(i) - (discountCents - given);
    }
}
