package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.BigSales;
import za.voelgoed.testing.TestEnv;

/**
 * The stock of a 50,000-seat show nearly sold out: held seats and seats off sale are read through their partial
 * indexes, never through the sold seats.
 */
class StockQueryCostIT {

    static BigSales big;

    @BeforeAll
    static void seed() {
        TestEnv.truncateAll();
        big = BigSales.seed(1_000);
    }

    @Test
    void heldSeatsAreReadWithoutTheSoldOnes() {
        String plan = BigSales.plan(StockReader.HELD_SQL, (Object) new UUID[] {big.event()});
        assertThat(plan).as(plan).contains("seat_claims_held").doesNotContain("Seq Scan on seat_claims");
        assertThat(plan).as(plan).doesNotContain("Seq Scan on event_seats");
    }

    @Test
    void seatsOffSaleAreReadThroughTheirOwnIndex() {
        String plan = BigSales.plan(StockReader.OFF_SALE_SQL, (Object) new UUID[] {big.event()});
        assertThat(plan).as(plan).contains("event_seats_off_sale").doesNotContain("Seq Scan on event_seats");
    }
}
