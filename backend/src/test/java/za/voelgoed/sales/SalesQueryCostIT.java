package za.voelgoed.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.BigSales;
import za.voelgoed.testing.TestEnv;

/**
 * The statements of the sales routes against 100,000 orders, 200,000 tickets, a nearly sold-out stadium and
 * a week of minute rows: PostgreSQL reads none of the large tables whole, so the answer costs what it costs
 * for ten tickets. Drop an index the reads rely on and this fails.
 */
class SalesQueryCostIT {

    static BigSales big;

    @BeforeAll
    static void seed() {
        TestEnv.truncateAll();
        big = BigSales.seed(100_000);
    }

    static void assertBounded(String plan) {
        for (String table : BigSales.LARGE) {
            assertThat(plan).as(plan).doesNotContain("Seq Scan on " + table + " ");
        }
    }

    @Test
    void theLatestSalesAreReadAlongAnIndex() {
        assertBounded(BigSales.plan(SalesStore.ORG_LATEST_SQL, big.org(), SalesStore.LATEST));
        assertBounded(BigSales.plan(SalesStore.EVENT_LATEST_SQL, big.event(), big.org(), SalesStore.LATEST));
    }

    @Test
    void theHourOfMinutesReadsOnlyThatHour() {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusMinutes(59);
        String org = BigSales.plan(SalesStore.ORG_MINUTES_SQL, big.org(), from);
        assertBounded(org);
        assertThat(org).contains("Index");
        assertBounded(BigSales.plan(SalesStore.EVENT_MINUTES_SQL, big.org(), from, big.event()));
    }

    @Test
    void showsAndTheirCountersAreReadByKey() {
        assertBounded(BigSales.plan(SalesStore.SHOWS_SQL, big.org(), SalesStore.SHOWS));
        assertBounded(BigSales.plan(SalesStore.SHOW_SQL, big.org(), big.event()));
        assertBounded(BigSales.plan(SalesStore.TOTALS_SQL, big.org(), new java.util.UUID[] {big.event()}));
    }
}
