package za.voelgoed.ticketing;

import java.util.List;

/** The amount of an order in integer cents: subtotal, a coupon's discount (rounded down), total. */
public final class Pricing {

    public enum CouponKind { PERCENT, FIXED }

    /** A percentage (1–100) or a fixed amount in cents. */
    public record CouponTerms(CouponKind kind, long value) {
    }

    public record Line(String description, long unitPriceCents, int quantity) {
    }

    public record Quote(long subtotalCents, long discountCents, long totalCents, String currency, List<Line> lines) {
    }

    private Pricing() {
    }

    /** Percentages round the discount down to the cent; a fixed discount never exceeds the subtotal. */
    public static Quote quote(List<Line> lines, String currency, CouponTerms coupon) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        long subtotal = 0;
        for (Line line : lines) {
            if (line.quantity() < 1 || line.unitPriceCents() < 0) {
                throw new IllegalArgumentException("a line needs a quantity of 1 or more and a price of 0 or more");
            }
            subtotal = Math.addExact(subtotal, Math.multiplyExact(line.unitPriceCents(), line.quantity()));
        }
        long discount = coupon == null ? 0 : switch (coupon.kind()) {
            case PERCENT -> Math.multiplyExact(subtotal, Math.min(100, coupon.value())) / 100;
            case FIXED -> Math.min(subtotal, coupon.value());
        };
        return new Quote(subtotal, discount, subtotal - discount, currency, List.copyOf(lines));
    }
}
