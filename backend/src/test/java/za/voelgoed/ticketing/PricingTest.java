package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final List<Pricing.Line> TWO_SEATS = List.of(new Pricing.Line("seat", 45_000, 1),
            new Pricing.Line("seat", 30_001, 1));

    @Test
    void aPercentageRoundsTheDiscountDownToTheCent() {
        Pricing.Quote quote = Pricing.quote(TWO_SEATS, "ZAR", new Pricing.CouponTerms(Pricing.CouponKind.PERCENT, 10));
        assertThat(quote.subtotalCents()).isEqualTo(75_001);
        assertThat(quote.discountCents()).isEqualTo(7_500);
        assertThat(quote.totalCents()).isEqualTo(67_501);
    }

    @Test
    void aFixedDiscountNeverTakesTheTotalBelowZeroAndAHundredPercentMakesItFree() {
        assertThat(Pricing.quote(TWO_SEATS, "ZAR", new Pricing.CouponTerms(Pricing.CouponKind.FIXED, 1_000_000))
                .totalCents()).isZero();
        assertThat(Pricing.quote(TWO_SEATS, "ZAR", new Pricing.CouponTerms(Pricing.CouponKind.PERCENT, 100))
                .totalCents()).isZero();
        assertThat(Pricing.quote(TWO_SEATS, "ZAR", null).totalCents()).isEqualTo(75_001);
    }

    @Test
    void badLinesCurrencyAndOverflowAreRefused() {
        assertThatThrownBy(() -> Pricing.quote(List.of(new Pricing.Line("x", 1, 0)), "ZAR", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pricing.quote(TWO_SEATS, "rand", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pricing.quote(List.of(new Pricing.Line("x", Long.MAX_VALUE, 2)), "ZAR", null))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ticketSharesOfADiscountAddUpToTheOrdersTotal() {
        List<Long> prices = List.of(45_000L, 30_001L, 12_345L);
        long discount = 8_734;
        long sum = 0;
        for (int i = 0; i < prices.size(); i++) {
            sum += TicketShares.share(prices, discount, i);
        }
        assertThat(sum).isEqualTo(45_000 + 30_001 + 12_345 - discount);
        assertThat(TicketShares.share(prices, 0, 1)).isEqualTo(30_001);
    }

    @Test
    void couponRulesReadTheWindowAsStartIncludedEndExcluded() {
        Instant now = Instant.parse("2027-01-01T10:00:00Z");
        UUID show = UUID.randomUUID();
        var open = new CouponRules.CouponState("A", null, now, now.plusSeconds(60), 2, 1);
        assertThat(CouponRules.refusal(open, show, now)).isEmpty();
        assertThat(CouponRules.refusal(open, show, now.plusSeconds(60))).contains("coupon_expired");
        assertThat(CouponRules.refusal(open, show, now.minusSeconds(1))).contains("coupon_not_yet_valid");
        assertThat(CouponRules.refusal(new CouponRules.CouponState("A", null, null, null, 2, 2), show, now))
                .contains("coupon_used_up");
        assertThat(CouponRules.refusal(new CouponRules.CouponState("A", UUID.randomUUID(), null, null, null, 0), show,
                now)).contains("coupon_not_for_event");
    }
}
